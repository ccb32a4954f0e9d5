package io.churnguard.app.feature;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.churnguard.app.event.EventLoader;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.TestCompany;
import io.churnguard.app.support.TestWorkspace;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.Simulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored settled states against the whole log: a run that starts every customer from the
 * state the previous run stored, and reads only the days since, computes exactly what a
 * run over every event computes — also after late events, which loading marks stale, and
 * for a run of a past day, which must not use or store states.
 */
@ChurnGuardIT(properties = "churnguard.test.context=features")
class SettledFeaturesIT {

	@Autowired
	Imports imports;

	@Autowired
	SettledFeatures settled;

	@Autowired
	ArchiveEvents archive;

	@Autowired
	FeatureCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventLoader loader;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void runsFromStoredStatesEqualRunsOverTheWholeLog() throws Exception {
		LocalDate end = LocalDate.now();
		Path sim = TestWorkspace.newDirectory();
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 300, 6, 11).withStartDate(end.minusMonths(6)), sim);
		TestCompany.load(this.imports, ImportKind.CUSTOMERS, sim.resolve("customers.csv"));
		TestCompany.load(this.imports, ImportKind.EVENTS, sim.resolve("events.csv"));

		LocalDate first = end.minusDays(20);
		SettledFeatures.Computed initial = run(first);
		assertThat(initial.fromStates()).as("nothing stored yet: the whole log").isFalse();
		assertThat(initial.statesStored()).isGreaterThan(250);
		assertSameAsWholeLog(initial.table(), first);
		assertThat(this.jdbc.queryForObject("select settled_before from feature_state_set", LocalDate.class))
			.isEqualTo(first.minusDays(SettledFeatures.OPEN_DAYS));

		LocalDate second = end.minusDays(10);
		SettledFeatures.Computed resumed = run(second);
		assertThat(resumed.fromStates()).isTrue();
		assertThat(resumed.statesRead()).isEqualTo(initial.statesStored());
		assertThat(resumed.historiesRead()).isZero();
		assertThat(resumed.statesStored()).as("only customers with events in the ten days")
			.isBetween(1L, resumed.statesRead());
		assertSameAsWholeLog(resumed.table(), second);

		// A late event, before the stored boundary: loading it marks the customer stale,
		// and the next run reads that customer's whole history.
		String late = this.jdbc.queryForObject("select customer_id from feature_state order by customer_id limit 1",
				String.class);
		this.loader.load(List.of(new Event("late-1", late, second.minusDays(40).atTime(10, 0), EventType.COMPLAINT,
				"billing", 12.5, Double.NaN, Map.of())), null);
		// Events of the open days mark nothing.
		String recent = this.jdbc.queryForObject(
				"select customer_id from feature_state where customer_id > ? order by customer_id limit 1",
				String.class, late);
		this.loader.load(List.of(new Event("recent-1", recent, second.minusDays(1).atTime(10, 0), EventType.USAGE,
				"voice", 1, 3, Map.of())), null);
		assertThat(this.jdbc.queryForObject("select state is null from feature_state where customer_id = ?",
				Boolean.class, recent))
			.isFalse();
		assertThat(this.jdbc.queryForObject("select state is null from feature_state where customer_id = ?",
				Boolean.class, late))
			.isTrue();
		assertThat(this.settled.settled(this.catalog.plan(), List.of(late))).as("a stale state is not served")
			.isEmpty();
		LocalDate third = second.plusDays(1);
		SettledFeatures.Computed afterLate = run(third);
		assertThat(afterLate.fromStates()).isTrue();
		assertThat(afterLate.historiesRead()).isEqualTo(1);
		assertSameAsWholeLog(afterLate.table(), third);
		assertThat(this.jdbc.queryForObject("select state is not null from feature_state where customer_id = ?",
				Boolean.class, late))
			.as("rebuilt")
			.isTrue();

		// A run of a past day can use neither the stored states (they hold later events)
		// nor store its own over them.
		SettledFeatures.Computed past = run(first);
		assertThat(past.fromStates()).isFalse();
		assertThat(past.statesStored()).isZero();
		assertSameAsWholeLog(past.table(), first);
		assertThat(this.jdbc.queryForObject("select settled_before from feature_state_set", LocalDate.class))
			.isEqualTo(third.minusDays(SettledFeatures.OPEN_DAYS));

		// Real time reads a customer's state with its boundary, and an empty one for a
		// customer without events before it.
		Map<String, SettledFeatures.Settled> served = this.settled.settled(this.catalog.plan(),
				List.of(late, "nobody-yet"));
		assertThat(served).containsOnlyKeys(late, "nobody-yet");
		assertThat(served.get(late).before()).isEqualTo(third.minusDays(SettledFeatures.OPEN_DAYS));
		assertThat(served.get(late).state()).isNotEmpty();
		assertThat(served.get("nobody-yet").state()).isNull();

		// The states commit on their own: a run whose own transaction rolls back (its
		// scoring failed, say) still moves the store to its boundary.
		LocalDate fourth = third.plusDays(1);
		Map<String, CustomerAttributes> attributes = this.archive.attributes(null);
		SettledFeatures.Computed rolledBack = this.transactions.execute(status -> {
			status.setRollbackOnly();
			return this.settled.allAsOf(fourth, ArchiveEvents.lookup(attributes), 2);
		});
		assertThat(rolledBack.statesStored()).isPositive();
		assertThat(this.jdbc.queryForObject("select settled_before from feature_state_set", LocalDate.class))
			.isEqualTo(fourth.minusDays(SettledFeatures.OPEN_DAYS));
	}

	private SettledFeatures.Computed run(LocalDate asOf) {
		Map<String, CustomerAttributes> attributes = this.archive.attributes(null);
		SettledFeatures.Computed computed = this.transactions
			.execute(status -> this.settled.allAsOf(asOf, ArchiveEvents.lookup(attributes), 2));
		// Stored in the background: the next run must find them, as the next day's does.
		computed.statesStored();
		return computed;
	}

	private void assertSameAsWholeLog(FeatureTable table, LocalDate asOf) throws Exception {
		Map<String, CustomerAttributes> attributes = this.archive.attributes(null);
		FeatureTable whole = new BatchFeatureRunner(this.catalog.plan(), 2).asOf(this.archive.events(null, asOf),
				ArchiveEvents.lookup(attributes), asOf);
		assertThat(rows(table).keySet()).isEqualTo(rows(whole).keySet());
		Map<String, Integer> expected = rows(whole);
		rows(table).forEach((customer, row) -> {
			assertThat(table.numericRow(row)).as("%s as of %s", customer, asOf)
				.isEqualTo(whole.numericRow(expected.get(customer)));
			assertThat(table.categoricalRow(row)).isEqualTo(whole.categoricalRow(expected.get(customer)));
		});
	}

	private static Map<String, Integer> rows(FeatureTable table) {
		Map<String, Integer> rows = new TreeMap<>();
		for (int row = 0; row < table.rowCount(); row++) {
			rows.put(table.customerId(row), row);
		}
		return rows;
	}

}
