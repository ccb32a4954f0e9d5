package io.churnguard.bench.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.churnguard.ml.feature.Aggregation;
import io.churnguard.ml.feature.FeatureDefinition;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.ValueField;

/**
 * Translates a feature set into one DuckDB query with the engine's semantics: a
 * {@code GROUP BY customer} of filtered aggregates, then per-feature expressions (change
 * ratios cut to tenure, ratios, tenure averages, attributes) over a join with the
 * customers. The benchmark's reference: the same features, computed by a column store.
 *
 * <p>
 * Tables: {@code events(c INTEGER, d INTEGER, t TINYINT, s TINYINT, amount DOUBLE,
 * quantity DOUBLE)} with the plan's type ordinal and subtype id, and
 * {@code customers(c INTEGER, join_day INTEGER, contract_end INTEGER, fee DOUBLE, grp
 * BOOLEAN, plan VARCHAR, grade VARCHAR)}.
 */
final class DuckDbFeatureSql {

	private static final String DAYS_PER_MONTH = "30.4375";

	private final FeaturePlan plan;

	private final int asOf;

	private final Map<String, String> aggregates = new LinkedHashMap<>();

	// Distinct active days come from a per-customer-and-day table: DuckDB's grouped
	// count(DISTINCT) keeps a hash set per group and aggregate and is many times slower.
	private final Map<String, String> dayFlags = new LinkedHashMap<>();

	private final Map<String, String> dayCounts = new LinkedHashMap<>();

	private int longestDayWindow;

	private final Map<String, String> featureExpressions = new LinkedHashMap<>();

	DuckDbFeatureSql(FeaturePlan plan, int asOfDay) {
		this.plan = plan;
		this.asOf = asOfDay;
	}

	/**
	 * The statement creating table {@code duck_features(c, <numeric…>, <categorical…>)}.
	 */
	String createTable() {
		FeatureSet set = this.plan.featureSet();
		List<String> columns = new ArrayList<>();
		for (FeatureDefinition definition : set.definitions()) {
			String expression = definition.isCategorical() ? categorical(definition) : numeric(definition);
			this.featureExpressions.put(definition.name(), expression);
		}
		for (String name : set.numericNames()) {
			columns.add(this.featureExpressions.get(name) + " AS " + name);
		}
		for (String name : set.categoricalNames()) {
			columns.add(this.featureExpressions.get(name) + " AS " + name);
		}
		StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE duck_features AS\nWITH a AS (SELECT c");
		this.aggregates
			.forEach((expression, alias) -> sql.append(",\n  ").append(expression).append(" AS ").append(alias));
		sql.append("\n FROM events WHERE d < ").append(this.asOf).append(" GROUP BY c)");
		if (!this.dayCounts.isEmpty()) {
			sql.append(",\ndays AS (SELECT c, d");
			this.dayFlags.forEach(
					(condition, alias) -> sql.append(",\n  bool_or(").append(condition).append(") AS ").append(alias));
			sql.append("\n FROM events WHERE d < ")
				.append(this.asOf)
				.append(" AND d >= ")
				.append(this.asOf - this.longestDayWindow)
				.append(" GROUP BY c, d),\nad AS (SELECT c");
			this.dayCounts
				.forEach((expression, alias) -> sql.append(",\n  ").append(expression).append(" AS ").append(alias));
			sql.append("\n FROM days GROUP BY c)");
		}
		sql.append("\nSELECT cu.c");
		columns.forEach((column) -> sql.append(",\n  ").append(column));
		sql.append("\nFROM customers cu LEFT JOIN a ON a.c = cu.c");
		if (!this.dayCounts.isEmpty()) {
			sql.append(" LEFT JOIN ad ON ad.c = cu.c");
		}
		return sql.toString();
	}

	private String numeric(FeatureDefinition definition) {
		String value = switch (definition.kind()) {
			case WINDOW -> window(definition);
			case CHANGE -> change(definition);
			case RECENCY -> "CAST(" + this.asOf + " - "
					+ aggregate(((definition.aggregation() == Aggregation.DAYS_SINCE_LAST) ? "max" : "min") + "(d)",
							definition, 0)
					+ " AS DOUBLE)";
			case TENURE_AVERAGE -> tenureAverage(definition);
			case RATIO -> ratio(definition);
			case ATTRIBUTE -> attribute(definition);
		};
		return (definition.missing() != null) ? "coalesce(" + value + ", " + literal(definition.missing()) + ")"
				: value;
	}

	private String window(FeatureDefinition definition) {
		int w = definition.window();
		return switch (definition.aggregation()) {
			case COUNT -> counted("count(*)", definition, w);
			case ACTIVE_DAYS -> counted("count(DISTINCT d)", definition, w);
			case SUM -> "coalesce(" + aggregate("sum(" + field(definition) + ")", definition, w) + ", 0.0)";
			case MEAN -> {
				String n = aggregate("count(" + field(definition) + ")", definition, w);
				String s = aggregate("sum(" + field(definition) + ")", definition, w);
				yield "CASE WHEN " + n + " > 0 THEN " + s + " / " + n + " END";
			}
			case MAX -> aggregate("max(" + field(definition) + ")", definition, w);
			default -> throw new IllegalStateException(definition.aggregation().name());
		};
	}

	private String change(FeatureDefinition definition) {
		int r = definition.window();
		int p = definition.previousWindow();
		String function = switch (definition.aggregation()) {
			case COUNT -> "count(*)";
			case ACTIVE_DAYS -> "count(DISTINCT d)";
			case SUM -> "sum(" + field(definition) + ")";
			default -> throw new IllegalStateException(definition.aggregation().name());
		};
		String recent = "coalesce(CAST(" + aggregate(function, definition, r) + " AS DOUBLE), 0.0)";
		String total = "coalesce(CAST(" + aggregate(function, definition, r + p) + " AS DOUBLE), 0.0)";
		String previous = "(" + total + " - " + recent + ")";
		String tenure = "(" + this.asOf + " - cu.join_day)";
		String recentLength = "CAST(coalesce(least(" + r + ", " + tenure + "), " + r + ") AS DOUBLE)";
		String previousLength = "CAST(coalesce(least(" + p + ", " + tenure + " - " + r + "), " + p + ") AS DOUBLE)";
		return "CASE WHEN " + recentLength + " <= 0 OR " + previousLength + " <= 0 THEN NULL WHEN " + previous
				+ " = 0 THEN CASE WHEN " + recent + " = 0 THEN 1.0 END ELSE (" + recent + " / " + recentLength + ") / ("
				+ previous + " / " + previousLength + ") END";
	}

	private String tenureAverage(FeatureDefinition definition) {
		String total = (definition.aggregation() == Aggregation.COUNT) ? counted("count(*)", definition, 0)
				: "coalesce(" + aggregate("sum(" + field(definition) + ")", definition, 0) + ", 0.0)";
		String firstEvent = alias("min(d)");
		String start = "coalesce(cu.join_day, " + firstEvent + ")";
		return "CASE WHEN " + start + " IS NULL THEN NULL ELSE " + total + " / greatest(1.0, (" + this.asOf + " - "
				+ start + ") / " + DAYS_PER_MONTH + ") END";
	}

	private String ratio(FeatureDefinition definition) {
		String numerator = this.featureExpressions.get(definition.numerator());
		String denominator = this.featureExpressions.get(definition.denominator());
		return "CASE WHEN (" + denominator + ") IS NULL OR (" + denominator + ") = 0 THEN NULL ELSE (" + numerator
				+ ") / (" + denominator + ") END";
	}

	private String attribute(FeatureDefinition definition) {
		return switch (definition.attribute()) {
			case "tenure_months" -> "(" + this.asOf + " - cu.join_day) / " + DAYS_PER_MONTH;
			case "tenure_days" -> "CAST(" + this.asOf + " - cu.join_day AS DOUBLE)";
			// DuckDB's greatest skips NULLs; no contract must stay absent, not become 0.
			case "contract_days_left" ->
				"CASE WHEN cu.contract_end IS NOT NULL THEN CAST(greatest(0, cu.contract_end - " + this.asOf
						+ ") AS DOUBLE) END";
			case "monthly_fee" -> "cu.fee";
			case "group_account" -> "CASE WHEN cu.grp IS NULL THEN NULL WHEN cu.grp THEN 1.0 ELSE 0.0 END";
			default -> throw new IllegalArgumentException("the benchmark has no attribute " + definition.attribute());
		};
	}

	private String categorical(FeatureDefinition definition) {
		return switch (definition.attribute()) {
			case "plan" -> "cu.plan";
			case "grade" -> "cu.grade";
			default -> throw new IllegalArgumentException("the benchmark has no attribute " + definition.attribute());
		};
	}

	private String counted(String function, FeatureDefinition definition, int window) {
		return "coalesce(CAST(" + aggregate(function, definition, window) + " AS DOUBLE), 0.0)";
	}

	/** A filtered aggregate over the definition's stream and window (0: lifetime). */
	private String aggregate(String function, FeatureDefinition definition, int window) {
		if (function.equals("count(DISTINCT d)")) {
			return activeDays(definition, window);
		}
		List<String> conditions = new ArrayList<>();
		if (definition.event() != null) {
			conditions.add("t = " + definition.event().ordinal());
			if (definition.subtype() != null) {
				conditions.add("s = " + subtypeId(definition));
			}
		}
		if (window > 0) {
			conditions.add("d >= " + (this.asOf - window));
		}
		String expression = conditions.isEmpty() ? function
				: function + " FILTER (WHERE " + String.join(" AND ", conditions) + ")";
		return alias(expression);
	}

	private String activeDays(FeatureDefinition definition, int window) {
		this.longestDayWindow = Math.max(this.longestDayWindow, window);
		List<String> conditions = new ArrayList<>();
		if (definition.event() != null) {
			String stream = "t = " + definition.event().ordinal()
					+ ((definition.subtype() != null) ? " AND s = " + subtypeId(definition) : "");
			conditions.add(this.dayFlags.computeIfAbsent(stream, (e) -> "f" + this.dayFlags.size()));
		}
		conditions.add("d >= " + (this.asOf - window));
		String expression = "count(*) FILTER (WHERE " + String.join(" AND ", conditions) + ")";
		return "ad." + this.dayCounts.computeIfAbsent(expression, (e) -> "y" + this.dayCounts.size());
	}

	private String alias(String expression) {
		return "a." + this.aggregates.computeIfAbsent(expression, (e) -> "x" + this.aggregates.size());
	}

	private int subtypeId(FeatureDefinition definition) {
		return this.plan.kind(definition.event(), definition.subtype()) - this.plan.kind(definition.event(), null);
	}

	private static String field(FeatureDefinition definition) {
		return (definition.field() == ValueField.AMOUNT) ? "amount" : "quantity";
	}

	private static String literal(double value) {
		return String.format(Locale.ROOT, "%s", value);
	}

	/** The number of distinct aggregates the query computes per customer. */
	int aggregateCount() {
		return this.aggregates.size();
	}

}
