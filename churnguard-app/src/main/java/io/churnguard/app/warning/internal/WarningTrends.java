package io.churnguard.app.warning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.churnguard.app.event.EventLog;
import io.churnguard.app.event.TimelineEvent;
import io.churnguard.app.feature.CustomerFeatures;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.scoring.CustomerScore;
import io.churnguard.app.scoring.Scores;
import io.churnguard.app.web.PageJson;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureVector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a warning's detail shows besides the warning itself: the customer's recent events
 * and how the telling features and the churn probability moved over the last months, so
 * the person working it sees the fall in usage or the run of complaints behind the score.
 * Trends are computed with the one feature engine at monthly observation dates.
 */
@Component
class WarningTrends {

	/** Observation dates: tomorrow (today's events included) and every 30 days before. */
	static final int POINTS = 6;

	static final int STEP_DAYS = 30;

	private final CustomerFeatures features;

	private final FeatureCatalog catalog;

	private final Scores scores;

	private final EventLog events;

	private final List<String> trendFeatures;

	private final Clock clock;

	private final ZoneId zone;

	WarningTrends(CustomerFeatures features, FeatureCatalog catalog, Scores scores, EventLog events,
			@Value("${churnguard.warnings.trend-features:usage_voice_30d,usage_data_30d,complaints_30d,overdue_payments_60d}") List<String> trendFeatures,
			Clock clock, @Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.features = features;
		this.catalog = catalog;
		this.scores = scores;
		this.events = events;
		this.trendFeatures = List.copyOf(trendFeatures);
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * @param customerId a customer the caller may see
	 * @param locale the page's language, for feature labels
	 * @return the customer's trends and latest events
	 */
	Trends of(String customerId, Locale locale) {
		FeatureSet set = this.catalog.featureSet();
		List<String> names = this.trendFeatures.stream().filter(name -> set.numericIndex(name) >= 0).toList();
		LocalDate tomorrow = LocalDate.now(this.clock.withZone(this.zone)).plusDays(1);
		List<LocalDate> observed = new ArrayList<>();
		for (int i = POINTS - 1; i >= 0; i--) {
			observed.add(tomorrow.minusDays((long) i * STEP_DAYS));
		}
		List<FeatureVector> vectors = this.features.asOf(customerId, observed);
		List<String> days = observed.stream().map(day -> day.minusDays(1).toString()).toList();
		List<List<Double>> values = new ArrayList<>();
		for (String name : names) {
			List<Double> row = new ArrayList<>();
			for (int p = 0; p < observed.size(); p++) {
				double value = (p < vectors.size()) ? vectors.get(p).value(name) : Double.NaN;
				row.add(Double.isNaN(value) ? null : value);
			}
			values.add(row);
		}
		Map<String, List<Double>> series = new LinkedHashMap<>();
		for (int f = 0; f < names.size(); f++) {
			series.put(set.get(names.get(f)).label(locale), values.get(f));
		}
		List<CustomerScore> history = new ArrayList<>(this.scores.history(customerId, 24));
		Collections.reverse(history);
		List<String> scoreDays = history.stream().map(score -> score.asOf().toString()).toList();
		List<Double> probability = history.stream()
			.map(score -> Math.round(score.probability() * 1000) / 10.0)
			.toList();
		String json = PageJson
			.write(Map.of("days", days, "features", series, "scoreDays", scoreDays, "probability", probability));
		return new Trends(days, series, scoreDays, probability, this.events.recent(customerId, 20), json);
	}

	/**
	 * @param days the observation dates' previous days (the last day each point includes)
	 * @param features feature label → value at each date (null when absent)
	 * @param scoreDays the days of the customer's stored scores, oldest first
	 * @param probability the probability of churn at each, in percent
	 * @param events the latest events, newest first
	 * @param chartJson the charts' data for the page
	 */
	record Trends(List<String> days, Map<String, List<Double>> features, List<String> scoreDays,
			List<Double> probability, List<TimelineEvent> events, String chartJson) {
	}

}
