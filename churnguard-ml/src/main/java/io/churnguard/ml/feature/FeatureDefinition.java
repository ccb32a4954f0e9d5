package io.churnguard.ml.feature;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.churnguard.ml.event.EventType;

/**
 * One declared feature: plain data, bound from YAML by Jackson or built with the static
 * factories, and its own {@link FeatureDescription}. Which components matter depends on
 * the {@link FeatureKind}:
 * <ul>
 * <li>{@code WINDOW}: event, subtype, aggregation (count, sum, mean, max, active_days),
 * field (for sum, mean, max), window;</li>
 * <li>{@code CHANGE}: event, subtype, aggregation (count, sum, active_days), field,
 * window (the recent period) and previousWindow;</li>
 * <li>{@code RECENCY}: event, subtype, aggregation (days_since_last,
 * days_since_first);</li>
 * <li>{@code RATIO}: numerator and denominator, names of earlier numeric features;</li>
 * <li>{@code TENURE_AVERAGE}: event, subtype, aggregation (count, sum), field;</li>
 * <li>{@code ATTRIBUTE}: attribute ({@code tenure_months}, {@code contract_days_left},
 * {@code monthly_fee}, {@code group_account}, {@code plan}, or an extra column of the
 * customer archive); unit {@code category} makes it categorical.</li>
 * </ul>
 * A null event means any event type; a null subtype any subtype.
 *
 * @param name stable name, lower-case letters, digits and underscores
 * @param kind the kind
 * @param event the event type, or null for any
 * @param subtype the subtype, or null for any
 * @param aggregation the aggregation
 * @param field the value field for sums, means and maxima
 * @param window the window in days (the recent period of a change)
 * @param previousWindow the earlier period of a change, in days
 * @param numerator the numerator feature of a ratio
 * @param denominator the denominator feature of a ratio
 * @param attribute the attribute name
 * @param missing the value to use when the feature is absent (null keeps
 * {@link Double#NaN})
 * @param unit the unit: {@code count}, {@code days}, {@code months}, {@code min},
 * {@code MB}, {@code CNY}, {@code ratio}, {@code share}, {@code flag}, {@code category},
 * …
 * @param direction what a higher value means
 * @param zh the Chinese words
 * @param en the English words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "kind", "event", "subtype", "aggregation", "field", "window", "previousWindow",
		"numerator", "denominator", "attribute", "missing", "unit", "direction", "zh", "en" })
public record FeatureDefinition(String name, FeatureKind kind, EventType event, String subtype, Aggregation aggregation,
		ValueField field, Integer window, Integer previousWindow, String numerator, String denominator,
		String attribute, Double missing, String unit, Direction direction, FeatureText zh,
		FeatureText en) implements FeatureDescription {

	/** The unit that makes an attribute categorical. */
	public static final String CATEGORY = "category";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	/**
	 * Checks the components that the kind needs.
	 * @throws IllegalArgumentException naming the feature and the problem
	 */
	public FeatureDefinition {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("feature name '" + name + "' must match " + NAME.pattern());
		}
		if (kind == null) {
			throw invalid(name, "has no kind");
		}
		subtype = (subtype == null || subtype.isBlank()) ? null : subtype.strip().toLowerCase(Locale.ROOT);
		unit = (unit != null) ? unit : defaultUnit(kind, aggregation);
		direction = (direction != null) ? direction : Direction.NEUTRAL;
		zh = (zh != null) ? zh : FeatureText.of(name, name + "：{value}");
		en = (en != null) ? en : FeatureText.of(name, name + ": {value}");
		switch (kind) {
			case WINDOW -> {
				requireAggregation(name, aggregation, Aggregation.COUNT, Aggregation.SUM, Aggregation.MEAN,
						Aggregation.MAX, Aggregation.ACTIVE_DAYS);
				requireField(name, aggregation, field);
				requireDays(name, "window", window);
			}
			case CHANGE -> {
				requireAggregation(name, aggregation, Aggregation.COUNT, Aggregation.SUM, Aggregation.ACTIVE_DAYS);
				requireField(name, aggregation, field);
				requireDays(name, "window", window);
				requireDays(name, "previousWindow", previousWindow);
			}
			case RECENCY ->
				requireAggregation(name, aggregation, Aggregation.DAYS_SINCE_LAST, Aggregation.DAYS_SINCE_FIRST);
			case TENURE_AVERAGE -> {
				requireAggregation(name, aggregation, Aggregation.COUNT, Aggregation.SUM);
				requireField(name, aggregation, field);
			}
			case RATIO -> {
				if (numerator == null || denominator == null) {
					throw invalid(name, "is a ratio and needs a numerator and a denominator");
				}
			}
			case ATTRIBUTE -> {
				if (attribute == null || attribute.isBlank()) {
					throw invalid(name, "is an attribute and needs an attribute name");
				}
			}
		}
		if (event == null && subtype != null) {
			throw invalid(name, "names a subtype but no event type");
		}
	}

	/**
	 * A window aggregate, e.g. the sum of call minutes over the last 30 days.
	 * @param name the feature name
	 * @param event the event type, null for any
	 * @param subtype the subtype, null for any
	 * @param aggregation count, sum, mean, max or active_days
	 * @param field the value field for sum, mean and max; null otherwise
	 * @param days the window in days
	 * @return the definition, with placeholder words until {@link #describedAs}
	 */
	public static FeatureDefinition window(String name, EventType event, String subtype, Aggregation aggregation,
			ValueField field, int days) {
		return new FeatureDefinition(name, FeatureKind.WINDOW, event, subtype, aggregation, field, days, null, null,
				null, null, null, null, null, null, null);
	}

	/**
	 * A period-over-period change: the daily rate over the last {@code recentDays}
	 * against the daily rate over the {@code previousDays} before them.
	 * @param name the feature name
	 * @param event the event type, null for any
	 * @param subtype the subtype, null for any
	 * @param aggregation count, sum or active_days
	 * @param field the value field for sums
	 * @param recentDays the recent period
	 * @param previousDays the earlier period
	 * @return the definition
	 */
	public static FeatureDefinition change(String name, EventType event, String subtype, Aggregation aggregation,
			ValueField field, int recentDays, int previousDays) {
		return new FeatureDefinition(name, FeatureKind.CHANGE, event, subtype, aggregation, field, recentDays,
				previousDays, null, null, null, null, "ratio", null, null, null);
	}

	/**
	 * Days since the last or first event of a stream.
	 * @param name the feature name
	 * @param event the event type, null for any
	 * @param subtype the subtype, null for any
	 * @param which days_since_last or days_since_first
	 * @return the definition
	 */
	public static FeatureDefinition recency(String name, EventType event, String subtype, Aggregation which) {
		return new FeatureDefinition(name, FeatureKind.RECENCY, event, subtype, which, null, null, null, null, null,
				null, null, "days", null, null, null);
	}

	/**
	 * A ratio of two earlier numeric features.
	 * @param name the feature name
	 * @param numerator the numerator feature's name
	 * @param denominator the denominator feature's name
	 * @return the definition
	 */
	public static FeatureDefinition ratio(String name, String numerator, String denominator) {
		return new FeatureDefinition(name, FeatureKind.RATIO, null, null, null, null, null, null, numerator,
				denominator, null, null, "ratio", null, null, null);
	}

	/**
	 * A lifetime count or sum per month of tenure.
	 * @param name the feature name
	 * @param event the event type, null for any
	 * @param subtype the subtype, null for any
	 * @param aggregation count or sum
	 * @param field the value field for sums
	 * @return the definition
	 */
	public static FeatureDefinition tenureAverage(String name, EventType event, String subtype, Aggregation aggregation,
			ValueField field) {
		return new FeatureDefinition(name, FeatureKind.TENURE_AVERAGE, event, subtype, aggregation, field, null, null,
				null, null, null, null, null, null, null, null);
	}

	/**
	 * A customer attribute.
	 * @param name the feature name
	 * @param attribute the attribute: a built-in name or an extra column of the archive
	 * @param unit the unit; {@link #CATEGORY} for a categorical attribute
	 * @return the definition
	 */
	public static FeatureDefinition attribute(String name, String attribute, String unit) {
		return new FeatureDefinition(name, FeatureKind.ATTRIBUTE, null, null, null, null, null, null, null, null,
				attribute, null, unit, null, null, null);
	}

	/**
	 * This definition with its words.
	 * @param unit the unit (null keeps the current one)
	 * @param direction what a higher value means
	 * @param zh the Chinese words
	 * @param en the English words
	 * @return a copy with the words
	 */
	public FeatureDefinition describedAs(String unit, Direction direction, FeatureText zh, FeatureText en) {
		return new FeatureDefinition(this.name, this.kind, this.event, this.subtype, this.aggregation, this.field,
				this.window, this.previousWindow, this.numerator, this.denominator, this.attribute, this.missing,
				(unit != null) ? unit : this.unit, direction, zh, en);
	}

	/**
	 * This definition with a value for when it is absent.
	 * @param value the value to use instead of NaN, e.g. 0 for a mean with no events
	 * @return a copy with the missing value
	 */
	public FeatureDefinition withMissing(double value) {
		return new FeatureDefinition(this.name, this.kind, this.event, this.subtype, this.aggregation, this.field,
				this.window, this.previousWindow, this.numerator, this.denominator, this.attribute, value, this.unit,
				this.direction, this.zh, this.en);
	}

	/** Whether the feature's values are categories (strings) rather than numbers. */
	@JsonIgnore
	public boolean isCategorical() {
		return this.kind == FeatureKind.ATTRIBUTE && CATEGORY.equals(this.unit);
	}

	@Override
	public String label(Locale locale) {
		return text(locale).label();
	}

	@Override
	public String describe(double value, Locale locale) {
		return FeatureSentences.describe(this, value, locale);
	}

	@Override
	public String describeCategory(String category, Locale locale) {
		return FeatureSentences.describeCategory(this, category, locale);
	}

	FeatureText text(Locale locale) {
		return FeatureSentences.isChinese(locale) ? this.zh : this.en;
	}

	private static String defaultUnit(FeatureKind kind, Aggregation aggregation) {
		return switch (kind) {
			case CHANGE, RATIO -> "ratio";
			case RECENCY -> "days";
			default -> (aggregation == Aggregation.ACTIVE_DAYS) ? "days" : "count";
		};
	}

	private static void requireAggregation(String name, Aggregation aggregation, Aggregation... allowed) {
		for (Aggregation candidate : allowed) {
			if (candidate == aggregation) {
				return;
			}
		}
		throw invalid(name, "needs an aggregation among " + java.util.Arrays.toString(allowed).toLowerCase(Locale.ROOT)
				+ ", not " + aggregation);
	}

	private static void requireField(String name, Aggregation aggregation, ValueField field) {
		if (aggregation.needsField() && field == null) {
			throw invalid(name,
					"needs a field (amount or quantity) for " + aggregation.name().toLowerCase(Locale.ROOT));
		}
	}

	private static void requireDays(String name, String component, Integer days) {
		if (days == null || days <= 0) {
			throw invalid(name, "needs a positive " + component + " in days, not " + days);
		}
	}

	private static IllegalArgumentException invalid(String name, String problem) {
		return new IllegalArgumentException("feature '" + name + "' " + problem);
	}

}
