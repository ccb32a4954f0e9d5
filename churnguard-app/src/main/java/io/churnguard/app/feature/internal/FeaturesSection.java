package io.churnguard.app.feature.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.churnguard.app.customer.CustomerProfileSection;
import io.churnguard.app.feature.CustomerFeatures;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.security.Actor;
import io.churnguard.ml.feature.FeatureDefinition;
import io.churnguard.ml.feature.FeatureVector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The customer 360's features: today's values, each with its sentence in the reader's
 * language.
 */
@Component
class FeaturesSection implements CustomerProfileSection {

	private final CustomerFeatures features;

	private final FeatureCatalog catalog;

	private final Clock clock;

	private final ZoneId zone;

	FeaturesSection(CustomerFeatures features, FeatureCatalog catalog, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.features = features;
		this.catalog = catalog;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public String key() {
		return "features";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String fragment() {
		return "feature/customer-features :: section";
	}

	@Override
	public Optional<Object> content(String customerId, Actor actor, Locale locale) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		return this.features.asOf(customerId, today)
			.map(vector -> new Features(today.toString(), values(vector, locale)));
	}

	private List<FeatureValue> values(FeatureVector vector, Locale locale) {
		return this.catalog.featureSet()
			.definitions()
			.stream()
			.map(definition -> value(definition, vector, locale))
			.toList();
	}

	private static FeatureValue value(FeatureDefinition definition, FeatureVector vector, Locale locale) {
		String name = definition.name();
		if (definition.isCategorical()) {
			String category = vector.category(name);
			return new FeatureValue(name, category, definition.label(locale), vector.describe(name, locale));
		}
		double value = vector.value(name);
		String shown = Double.isNaN(value) ? null : (value == Math.rint(value) && Math.abs(value) < 1e15)
				? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
		return new FeatureValue(name, shown, definition.label(locale), vector.describe(name, locale));
	}

	/**
	 * @param asOf the day the features describe (events before it)
	 * @param features every feature's value and sentence
	 */
	record Features(String asOf, List<FeatureValue> features) {
	}

	/**
	 * @param name the feature
	 * @param value the value, formatted; null when absent
	 * @param label what it measures
	 * @param sentence the value in words
	 */
	record FeatureValue(String name, String value, String label, String sentence) {
	}

}
