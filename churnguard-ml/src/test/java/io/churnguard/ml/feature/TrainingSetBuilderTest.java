package io.churnguard.ml.feature;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingSetBuilderTest {

	private static final LocalDate START = LocalDate.of(2025, 1, 1);

	private final FeaturePlan plan = FeaturePlan.compile(FeatureSet.defaults());

	// Observed on Feb 1, Mar 3, Apr 2, …; label window 30 days starting 15 days after.
	private final ObservationSchedule schedule = new ObservationSchedule(START.plusDays(31), 30, 15, 30,
			START.plusDays(365));

	private final List<Event> events = new ArrayList<>();

	private void usage(String customer, LocalDate from, LocalDate until) {
		for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
			this.events.add(new Event("u" + this.events.size(), customer, day.atTime(9, 0), EventType.USAGE, "voice",
					Double.NaN, 10, Map.of()));
		}
	}

	private void churn(String customer, LocalDate day) {
		this.events.add(new Event("c" + this.events.size(), customer, day.atTime(12, 0), EventType.CHURN, "port_out",
				Double.NaN, Double.NaN, Map.of()));
	}

	private FeatureTable build(ChurnDefinition churn) throws Exception {
		return new TrainingSetBuilder(this.plan, churn, this.schedule, 2).build(EventSource.sorted(this.events),
				(id) -> CustomerAttributes.of(id, START.minusDays(1)));
	}

	private List<String> rowsOf(FeatureTable table, String customer) {
		List<String> rows = new ArrayList<>();
		for (int row = 0; row < table.rowCount(); row++) {
			if (table.customerId(row).equals(customer)) {
				rows.add(table.observationDate(row) + "=" + table.label(row));
			}
		}
		return rows;
	}

	@Test
	void aChurnerIsLabelledInTheWindowAfterTheGapAndNotObservedAfterLeaving() throws Exception {
		usage("C1", START, START.plusDays(130));
		churn("C1", START.plusDays(130)); // May 11
		usage("C2", START, START.plusDays(365));
		FeatureTable table = build(ChurnDefinition.churnEvent());
		// Apr 2 + 15 = Apr 17 ≤ May 11 < May 17: positive. May 2: churned inside the gap,
		// left out.
		assertThat(rowsOf(table, "C1")).containsExactly("2025-02-01=0", "2025-03-03=0", "2025-04-02=1");
		assertThat(rowsOf(table, "C2")).hasSize(10).allMatch((row) -> row.endsWith("=0"));
		assertThat(rowsOf(table, "C2").get(9)).startsWith("2025-10-29");
	}

	@Test
	void inactivityCountsAsChurnOnceTheSpellHasRunItsLength() throws Exception {
		usage("C3", START, START.plusDays(100)); // last use Apr 10, inactive from Apr 11
		FeatureTable table = build(ChurnDefinition.inactivity(60));
		assertThat(rowsOf(table, "C3")).containsExactly("2025-02-01=0", "2025-03-03=1");
	}

	@Test
	void featuresOfATrainingRowUseOnlyEventsBeforeItsDate() throws Exception {
		usage("C4", START, START.plusDays(60));
		FeatureTable table = build(ChurnDefinition.inactivity(30));
		int febFirst = 0;
		assertThat(table.observationDate(febFirst)).isEqualTo(START.plusDays(31));
		assertThat(table.column("usage_voice_30d")[febFirst]).isEqualTo(300);
		assertThat(table.column("days_since_last_usage")[febFirst]).isEqualTo(1);
	}

	@Test
	void aTrainingSetIsWrittenAsCsvWithEmptyFieldsForAbsentValues() throws Exception {
		usage("C5", START, START.plusDays(40));
		FeatureTable table = build(ChurnDefinition.churnEvent());
		StringWriter out = new StringWriter();
		table.writeCsv(out);
		String[] lines = out.toString().split("\n");
		assertThat(lines[0]).startsWith("customer_id,observation_date,usage_voice_7d,").endsWith(",plan,grade,label");
		assertThat(lines[1]).startsWith("C5,2025-02-01,70,300,").endsWith(",,,0");
		assertThat(lines).hasSize(1 + table.rowCount());
	}

}
