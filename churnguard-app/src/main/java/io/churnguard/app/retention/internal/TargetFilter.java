package io.churnguard.app.retention.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The segment a campaign targets: active customers matching every non-empty condition.
 *
 * @param provinces any of these provinces
 * @param grades any of these value grades
 * @param plans any of these plans
 * @param teams any of these teams
 * @param riskBands any of these latest risk bands (high, medium, low)
 * @param minProbability a latest churn probability at least this
 * @param maxWarningLevel an open warning at least this severe (1 = I … 4 = IV)
 */
record TargetFilter(List<String> provinces, List<String> grades, List<String> plans, List<String> teams,
		List<String> riskBands, Double minProbability, Integer maxWarningLevel) {

	TargetFilter {
		provinces = clean(provinces, false);
		grades = clean(grades, true);
		plans = clean(plans, false);
		teams = clean(teams, false);
		riskBands = clean(riskBands, false).stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
		for (String band : riskBands) {
			if (!List.of("high", "medium", "low").contains(band)) {
				throw new IllegalArgumentException("riskBands: high, medium or low, not '" + band + "'");
			}
		}
		if (maxWarningLevel != null && (maxWarningLevel < 1 || maxWarningLevel > 4)) {
			throw new IllegalArgumentException("maxWarningLevel must be 1 to 4");
		}
		if (minProbability != null && (minProbability < 0 || minProbability > 1)) {
			throw new IllegalArgumentException("minProbability must be between 0 and 1");
		}
	}

	static TargetFilter none() {
		return new TargetFilter(null, null, null, null, null, null, null);
	}

	/**
	 * The filter, for customers active on {@code asOf}, as a SQL condition over
	 * {@code customer c} left-joined to {@code score_latest s}.
	 */
	String sql(java.time.LocalDate asOf, List<Object> parameters) {
		List<String> parts = new ArrayList<>();
		// Active on the day: a churn recorded for a later day (a back-filled archive)
		// does not count yet.
		parts.add("(c.status = 'active' or c.churn_date > ?)");
		parameters.add(asOf);
		any(parts, parameters, "c.province", this.provinces);
		any(parts, parameters, "c.value_grade", this.grades);
		any(parts, parameters, "c.plan", this.plans);
		any(parts, parameters, "c.team", this.teams);
		any(parts, parameters, "s.risk_band", this.riskBands);
		if (this.minProbability != null) {
			parts.add("s.probability >= ?");
			parameters.add(this.minProbability);
		}
		if (this.maxWarningLevel != null) {
			parts.add("exists (select 1 from warning w where w.customer_id = c.customer_id "
					+ "and w.status <> 'closed' and w.level <= ?)");
			parameters.add(this.maxWarningLevel);
		}
		return String.join(" and ", parts);
	}

	private static void any(List<String> parts, List<Object> parameters, String column, List<String> values) {
		if (!values.isEmpty()) {
			parts.add(column + " = any (?)");
			parameters.add(values.toArray(String[]::new));
		}
	}

	private static List<String> clean(List<String> values, boolean upper) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter(v -> v != null && !v.isBlank())
			.map(String::strip)
			.map(v -> upper ? v.toUpperCase(Locale.ROOT) : v)
			.distinct()
			.toList();
	}

}
