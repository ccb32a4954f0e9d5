package io.churnguard.app.feature.internal;

import java.util.Locale;

import io.churnguard.ml.feature.FeatureDefinition;

/**
 * A feature as the catalogue shows it: what it is called, what it counts, and in what
 * unit.
 *
 * @param name the stable name
 * @param label the label in the reader's language
 * @param kind window, change, recency, ratio, tenure_average or attribute
 * @param definition a one-line definition, e.g. "sum of quantity of usage/voice over 30
 * days"
 * @param unit the unit
 * @param direction what a higher value means
 * @param labelZh the Chinese label
 * @param labelEn the English label
 */
record FeatureInfo(String name, String label, String kind, String definition, String unit, String direction,
		String labelZh, String labelEn) {

	static FeatureInfo of(FeatureDefinition feature, Locale locale) {
		return new FeatureInfo(feature.name(), feature.label(locale), code(feature.kind()), definition(feature),
				feature.unit(), code(feature.direction()), feature.label(Locale.SIMPLIFIED_CHINESE),
				feature.label(Locale.ENGLISH));
	}

	private static String definition(FeatureDefinition f) {
		String events = ((f.event() != null) ? f.event().code() : "any event")
				+ ((f.subtype() != null) ? "/" + f.subtype() : "");
		String aggregation = (f.aggregation() != null) ? code(f.aggregation()) : "";
		String field = (f.field() != null) ? " of " + code(f.field()) : "";
		return switch (f.kind()) {
			case WINDOW -> aggregation + field + " of " + events + " over " + f.window() + " days";
			case CHANGE -> aggregation + field + " of " + events + ": last " + f.window()
					+ " days against the previous " + f.previousWindow() + " (per day, as a ratio − 1)";
			case RECENCY -> aggregation + " of " + events;
			case RATIO -> f.numerator() + " / " + f.denominator();
			case TENURE_AVERAGE -> aggregation + field + " of " + events + " per month of tenure";
			case ATTRIBUTE -> "customer attribute " + f.attribute();
		};
	}

	private static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
