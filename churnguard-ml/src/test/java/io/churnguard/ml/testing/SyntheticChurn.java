package io.churnguard.ml.testing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * A small synthetic churn table with every column kind: an id, a Chinese-named category,
 * numbers with blanks, a yes/no column, a date and a 0/1 label. Churn rises with
 * complaints, falls with tenure, is higher on the prepaid plan and without autopay.
 */
public final class SyntheticChurn {

	private SyntheticChurn() {
	}

	/**
	 * The table as CSV text.
	 * @param rows the number of customers
	 * @param seed the seed
	 * @return the CSV text with a header line
	 */
	public static String csv(int rows, long seed) {
		Random random = new Random(seed);
		String[] plans = { "预付费", "月度套餐", "年度合约" };
		StringBuilder sb = new StringBuilder(
				"customer_id,套餐,monthly_fee,tenure_months,complaints_90d,autopay,last_login,churn\n");
		LocalDate base = LocalDate.of(2025, 6, 30);
		for (int r = 0; r < rows; r++) {
			int plan = random.nextInt(3);
			double fee = 30 + 20 * plan + 10 * random.nextGaussian();
			int tenure = 1 + random.nextInt(60);
			int complaints = (random.nextDouble() < 0.3) ? 1 + random.nextInt(4) : 0;
			boolean autopay = random.nextDouble() < 0.5;
			int daysSinceLogin = random.nextInt(90);
			double eta = -0.5 + 0.6 * complaints - 0.04 * tenure + ((plan == 0) ? 0.9 : (plan == 2) ? -0.8 : 0)
					+ (autopay ? -0.6 : 0.3) + 0.015 * daysSinceLogin;
			int churn = (random.nextDouble() < 1 / (1 + Math.exp(-eta))) ? 1 : 0;
			sb.append(String.format(Locale.ROOT, "C%05d", r + 1)).append(',');
			sb.append(plans[plan]).append(',');
			sb.append((r % 17 == 0) ? " " : String.format(Locale.ROOT, "%.2f", fee)).append(',');
			sb.append(tenure).append(',');
			sb.append(complaints).append(',');
			sb.append(autopay ? "Yes" : "No").append(',');
			sb.append((r % 23 == 0) ? "" : base.minusDays(daysSinceLogin).toString()).append(',');
			sb.append(churn).append('\n');
		}
		return sb.toString();
	}

}
