package io.churnguard.ml.uplift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well uplift scores rank customers, measured on held-out campaign customers whose
 * treatment was randomized.
 *
 * <p>
 * Customers are sorted by score, highest first (ties kept together). For the top
 * {@code k} with {@code n_t(k)} treated and {@code n_c(k)} control customers, of whom
 * {@code c_t(k)} and {@code c_c(k)} churned:
 * <ul>
 * <li>the <b>Qini curve</b> (Radcliffe) is {@code Q(k) = c_c(k)·n_t(k)/n_c(k) − c_t(k)},
 * the churners the action prevented among the treated of the top {@code k}, here divided
 * by all treated {@code N_t} so that the curve ends at the average uplift;</li>
 * <li>the <b>uplift curve</b> is {@code U(k) = (c_c(k)/n_c(k) − c_t(k)/n_t(k)) · k/N},
 * the churn reduction per customer of the whole population when only the top {@code k}
 * are treated.</li>
 * </ul>
 * Both are plotted against the share targeted {@code k/N}. The <b>Qini coefficient</b> is
 * the area between the Qini curve and the diagonal of random targeting (positive when the
 * ranking beats chance, 0 for a random one); <b>AUUC</b> is the area under the uplift
 * curve, to be read against {@link #randomAuuc()}, half the average uplift. Areas use the
 * trapezoid rule between the ends of tie groups; a prefix without control (or treated)
 * customers counts as no uplift.
 *
 * @param points the curves at 101 evenly spaced shares targeted, 0 % to 100 %
 * @param averageUplift the churn rate of the control group minus that of the treated
 * group
 * @param qiniCoefficient the area between the Qini curve and the random diagonal
 * @param auuc the area under the uplift curve
 */
public record Qini(List<Point> points, double averageUplift, double qiniCoefficient, double auuc) {

	private static final int POINTS = 100;

	/**
	 * One point of the curves.
	 *
	 * @param share the share of customers targeted, in [0, 1]
	 * @param qini the Qini curve there
	 * @param uplift the uplift curve there
	 */
	public record Point(double share, double qini, double uplift) {
	}

	/**
	 * Evaluates uplift scores.
	 * @param scores the estimated uplift of each customer
	 * @param treated whether each customer was treated
	 * @param churned 1 when the customer churned, else 0
	 * @return the curves and areas
	 */
	public static Qini of(double[] scores, boolean[] treated, int[] churned) {
		int n = scores.length;
		if (treated.length != n || churned.length != n || n == 0) {
			throw new IllegalArgumentException("scores, treated and churned must be non-empty and of equal length");
		}
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
		double totalTreated = 0;
		double totalControl = 0;
		double churnedTreated = 0;
		double churnedControl = 0;
		for (int i = 0; i < n; i++) {
			totalTreated += treated[i] ? 1 : 0;
			churnedTreated += treated[i] ? churned[i] : 0;
			churnedControl += treated[i] ? 0 : churned[i];
		}
		totalControl = n - totalTreated;
		double average = rate(churnedControl, totalControl) - rate(churnedTreated, totalTreated);

		// Curves at the end of every tie group; k = 0 is the origin.
		double[] qini = new double[n + 1];
		double[] uplift = new double[n + 1];
		boolean[] groupEnd = new boolean[n + 1];
		groupEnd[0] = true;
		double nt = 0;
		double nc = 0;
		double ct = 0;
		double cc = 0;
		for (int k = 1; k <= n; k++) {
			int i = order[k - 1];
			if (treated[i]) {
				nt++;
				ct += churned[i];
			}
			else {
				nc++;
				cc += churned[i];
			}
			qini[k] = (nc == 0 || totalTreated == 0) ? 0 : (cc * nt / nc - ct) / totalTreated;
			uplift[k] = (nc == 0 || nt == 0) ? 0 : (cc / nc - ct / nt) * k / n;
			groupEnd[k] = k == n || scores[order[k]] != scores[i];
		}
		double qiniArea = 0;
		double upliftArea = 0;
		int previous = 0;
		for (int k = 1; k <= n; k++) {
			if (groupEnd[k]) {
				double width = (double) (k - previous) / n;
				qiniArea += width * (qini[k] + qini[previous]) / 2;
				upliftArea += width * (uplift[k] + uplift[previous]) / 2;
				previous = k;
			}
		}
		List<Point> points = new ArrayList<>();
		for (int p = 0; p <= POINTS; p++) {
			int k = lastGroupEndAtOrBefore(groupEnd, (int) Math.round((double) p * n / POINTS));
			points.add(new Point((double) k / n, qini[k], uplift[k]));
		}
		return new Qini(List.copyOf(points), average, qiniArea - qini[n] / 2, upliftArea);
	}

	/**
	 * The AUUC of random targeting, whose uplift curve is the straight line to the
	 * average uplift.
	 * @return half the average uplift
	 */
	public double randomAuuc() {
		return this.averageUplift / 2;
	}

	private static int lastGroupEndAtOrBefore(boolean[] groupEnd, int k) {
		int j = k;
		while (!groupEnd[j]) {
			j--;
		}
		return j;
	}

	private static double rate(double count, double size) {
		return (size == 0) ? 0 : count / size;
	}

}
