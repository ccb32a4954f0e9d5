package io.churnguard.app.scoring.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import io.churnguard.app.event.EventsAppended;
import io.churnguard.app.event.EventsImported;
import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.SettledFeatures;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.EventSource;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time features from settled histories in memory must equal a full batch run over
 * the archive at every step: first read, repeated rescoring, new events today, days
 * passing, and events arriving late.
 */
class SettledHistoriesTest {

	private static final FeaturePlan PLAN = FeaturePlan.compile(FeatureSet.defaults());

	private static final SettledFeatures NO_STATES = new StoredStates(null, Map.of());

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	private static final String[] SUBTYPES = { "voice", "data", "monthly", "on_time", "network", "hotline", "login" };

	private final List<Event> archive = new ArrayList<>();

	private final Map<String, CustomerAttributes> attributes = new HashMap<>();

	private final Random random = new Random(7);

	private final List<String> customers = List.of("C1", "C2", "C3", "C4", "C5");

	private SettledHistories histories;

	// Customers whose whole history was read, one entry per read.
	private final List<String> wholeHistories = new ArrayList<>();

	// Customers whose open days were read, one entry per read.
	private final List<String> openDayReads = new ArrayList<>();

	// The events of the last addEvents call.
	private final List<Event> added = new ArrayList<>();

	private int sequence;

	@BeforeEach
	void aCompanyWithAHistory() {
		for (String id : this.customers) {
			this.attributes.put(id, CustomerAttributes.of(id, START.minusDays(400)));
		}
		for (int day = 0; day < 200; day++) {
			addEvents(START.plusDays(day), 3);
		}
		this.histories = new SettledHistories(new ListArchive(), NO_STATES, 1000, Duration.ofHours(1),
				Clock.systemUTC());
	}

	@Test
	void theFirstReadAndEveryLaterRescoringEqualABatchRun() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		assertThat(this.histories.size()).isEqualTo(this.customers.size());
		assertEqualsBatch(today);
		arrive(today, 4, today);
		assertEqualsBatch(today);
		arrive(today, 4, today);
		assertEqualsBatch(today);
	}

	@Test
	void daysPassingMoveTheSettledPartForwardWithoutCountingADayTwice() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		for (int day = 1; day <= 6; day++) {
			arrive(today.plusDays(day - 1), 2, today.plusDays(day - 1));
			assertEqualsBatch(today.plusDays(day));
			assertEqualsBatch(today.plusDays(day));
		}
	}

	@Test
	void aLateEventIsCountedOnceItsCustomersAreForgotten() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		arrive(today.minusDays(20), 1, today);
		assertEqualsBatch(today);
	}

	@Test
	void todaysEventsKeepTheSettledHistories() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		List<String> fresh = addEvents(today, 1);
		this.histories.forgetIfBefore(fresh, today, today);
		assertThat(this.histories.size()).isEqualTo(this.customers.size());
		this.histories.forgetIfBefore(fresh, null, today);
		assertThat(this.histories.size()).as("an announcement without a day forgets its customers")
			.isEqualTo(this.customers.size() - fresh.size());
		assertEqualsBatch(today);
	}

	@Test
	void announcedEventsAreAddedWithoutReadingTheOpenDaysAgain() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		for (int i = 0; i < 3; i++) {
			this.openDayReads.clear();
			arrive(today, 4, today);
			assertEqualsBatch(today);
			assertThat(this.openDayReads).as("the open days are in memory").isEmpty();
		}
	}

	@Test
	void anEventBothReadAndAnnouncedIsCountedOnce() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		this.histories.forgetIfBefore(this.customers, null, today);
		// Committed before the read; its announcement served by a later rescoring.
		addEvents(today, 4);
		List<Event> late = List.copyOf(this.added);
		assertEqualsBatch(today);
		announce(late, today);
		assertEqualsBatch(today);
		announce(late, today);
		assertEqualsBatch(today);
	}

	@Test
	void anAnnouncementWithoutItsEventsHasTheOpenDaysReadAgain() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		List<String> touched = addEvents(today, 3);
		this.histories.arrived(new EventsAppended(touched, today));
		this.openDayReads.clear();
		assertEqualsBatch(today);
		assertThat(this.openDayReads).containsExactlyInAnyOrderElementsOf(touched);
		this.openDayReads.clear();
		assertEqualsBatch(today);
		assertThat(this.openDayReads).as("held again after the read").isEmpty();
	}

	@Test
	void eventsDatedAheadWaitForTheirDay() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		arrive(today.plusDays(1), 3, today);
		assertEqualsBatch(today);
		assertEqualsBatch(today.plusDays(1));
	}

	@Test
	void importedEventsAreReadOnceTheImportHasCommitted() {
		LocalDate today = START.plusDays(200);
		assertEqualsBatch(today);
		List<String> imported = addEvents(today, 3);
		Clock clock = Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		RealtimeRescoring listener = new RealtimeRescoring(null, this.histories, clock, "UTC", null, 500, 1);
		TransactionSynchronizationManager.initSynchronization();
		try {
			listener.on(new EventsImported(1, imported));
			assertThat(this.histories.size()).as("not before the commit").isEqualTo(this.customers.size());
			TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(this.histories.size()).isEqualTo(this.customers.size() - imported.size());
		assertEqualsBatch(today);
	}

	@Test
	void atMostTheCapacityIsKept() {
		SettledHistories small = new SettledHistories(new ListArchive(), NO_STATES, 2, Duration.ofHours(1),
				Clock.systemUTC());
		small.asOf(PLAN, this.customers, lookup(), START.plusDays(201));
		assertThat(small.size()).isEqualTo(2);
	}

	@Test
	void historiesOlderThanTheirTimeToLiveAreReadAgain() {
		MovableClock clock = new MovableClock();
		SettledHistories expiring = new SettledHistories(new ListArchive(), NO_STATES, 1000, Duration.ofMinutes(10),
				clock);
		LocalDate asOf = START.plusDays(201);
		expiring.asOf(PLAN, this.customers, lookup(), asOf);
		// An event of a settled day written behind the server's back (another process).
		addEvents(START.plusDays(150), 1);
		clock.advance(Duration.ofMinutes(11));
		FeatureTable live = expiring.asOf(PLAN, this.customers, lookup(), asOf);
		assertThat(rows(live)).isEqualTo(rows(batch(asOf)));
	}

	@Test
	void aStateStoredByTheDailyJobSparesTheWholeHistory() throws IOException {
		LocalDate today = START.plusDays(200);
		LocalDate boundary = today.minusDays(3);
		Map<String, byte[]> stored = new HashMap<>();
		new BatchFeatureRunner(PLAN, 1).asOf(blocks -> new BatchFeatureRunner(PLAN, 1)
			.blocks(new ListArchive().events(null, null, boundary), blocks), lookup(), boundary, boundary, stored::put);
		SettledFeatures store = new StoredStates(boundary, stored);
		this.histories = new SettledHistories(new ListArchive(), store, 1000, Duration.ofHours(1), Clock.systemUTC());
		arrive(today, 3, today);
		LocalDate asOf = today.plusDays(1);
		FeatureTable live = this.histories.asOf(PLAN, this.customers, lookup(), asOf);
		assertThat(this.wholeHistories).as("every customer started from the stored state").isEmpty();
		assertThat(rows(live)).isEqualTo(rows(batch(asOf)));
		arrive(today.plusDays(1), 2, today.plusDays(1));
		assertEqualsBatch(today.plusDays(1));
	}

	/** Events received through the API, announced as the real-time listener is told. */
	private List<String> arrive(LocalDate day, int most, LocalDate today) {
		List<String> touched = addEvents(day, most);
		announce(this.added, today);
		return touched;
	}

	private void announce(List<Event> events, LocalDate today) {
		List<String> ids = events.stream().map(Event::customerId).distinct().toList();
		LocalDate earliest = events.stream().map(e -> e.time().toLocalDate()).min(LocalDate::compareTo).orElse(null);
		this.histories.forgetIfBefore(ids, earliest, today);
		this.histories.arrived(new EventsAppended(ids, earliest,
				events.stream()
					.map(e -> new EventsAppended.Appended(e.eventId(), e.customerId(), e.time(), e.type().code(),
							e.subtype(), e.amount(), e.quantity()))
					.toList()));
	}

	private void assertEqualsBatch(LocalDate today) {
		LocalDate asOf = today.plusDays(1);
		FeatureTable live = this.histories.asOf(PLAN, this.customers, lookup(), asOf);
		assertThat(rows(live)).as("as of %s", asOf).isEqualTo(rows(batch(asOf)));
	}

	private FeatureTable batch(LocalDate asOf) {
		try {
			return new BatchFeatureRunner(PLAN, 1).asOf(new ListArchive().events(this.customers, null, asOf), lookup(),
					asOf);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private Function<String, CustomerAttributes> lookup() {
		return ArchiveEvents.lookup(this.attributes);
	}

	private static Map<String, List<Object>> rows(FeatureTable table) {
		Map<String, List<Object>> rows = new HashMap<>();
		for (int r = 0; r < table.rowCount(); r++) {
			// Categories may be null (absent), so lists that allow it.
			rows.put(table.customerId(r),
					List.of(Arrays.asList(box(table.numericRow(r))), Arrays.asList(table.categoricalRow(r))));
		}
		return rows;
	}

	private static Double[] box(double[] values) {
		Double[] boxed = new Double[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	/** Adds up to {@code most} events for each of some customers on a day. */
	private List<String> addEvents(LocalDate day, int most) {
		List<String> touched = new ArrayList<>();
		this.added.clear();
		for (String id : this.customers) {
			int count = this.random.nextInt(most + 1);
			for (int i = 0; i < count; i++) {
				EventType type = EventType.values()[this.random.nextInt(7)];
				LocalDateTime time = day.atStartOfDay().plusSeconds(this.random.nextInt(86_400));
				Event event = new Event("e" + this.sequence++, id, time, type,
						SUBTYPES[this.random.nextInt(SUBTYPES.length)], this.random.nextInt(200),
						this.random.nextDouble() * 50, Map.of());
				this.archive.add(event);
				this.added.add(event);
			}
			if (count > 0) {
				touched.add(id);
			}
		}
		return touched;
	}

	/** The archive as the database would serve it. */
	private final class ListArchive implements ArchiveEvents {

		@Override
		public EventSource events(Collection<String> customerIds, LocalDate from, LocalDate before) {
			if (customerIds != null && from == null) {
				SettledHistoriesTest.this.wholeHistories.addAll(customerIds);
			}
			List<Event> chosen = SettledHistoriesTest.this.archive.stream()
				.filter(e -> customerIds == null || customerIds.contains(e.customerId()))
				.filter(e -> from == null || !e.time().isBefore(from.atStartOfDay()))
				.filter(e -> e.time().isBefore(before.atStartOfDay()))
				.toList();
			return EventSource.sorted(chosen);
		}

		@Override
		public void identifiedEvents(Collection<String> customerIds, LocalDate from, LocalDate before,
				IdentifiedSink sink) {
			if (from == null) {
				SettledHistoriesTest.this.wholeHistories.addAll(customerIds);
			}
			else {
				SettledHistoriesTest.this.openDayReads.addAll(customerIds);
			}
			SettledHistoriesTest.this.archive.stream()
				.filter(e -> customerIds.contains(e.customerId()))
				.filter(e -> from == null || !e.time().isBefore(from.atStartOfDay()))
				.filter(e -> e.time().isBefore(before.atStartOfDay()))
				.sorted(java.util.Comparator.comparing(Event::customerId).thenComparing(Event::time))
				.forEach(e -> sink.accept(e.eventId(), e.customerId(), e.time(), e.type(), e.subtype(), e.amount(),
						e.quantity()));
		}

		@Override
		public Map<String, CustomerAttributes> attributes(Collection<String> customerIds) {
			return SettledHistoriesTest.this.attributes;
		}

	}

	/** States as the daily job would have stored them at a boundary; none without one. */
	private record StoredStates(LocalDate boundary, Map<String, byte[]> states) implements SettledFeatures {

		@Override
		public Computed allAsOf(LocalDate asOf, Function<String, CustomerAttributes> attributes, int threads) {
			throw new UnsupportedOperationException("real time does not run the daily job");
		}

		@Override
		public Map<String, Settled> settled(FeaturePlan plan, Collection<String> customerIds) {
			Map<String, Settled> settled = new HashMap<>();
			if (this.boundary != null) {
				customerIds.forEach(id -> settled.put(id, new Settled(this.boundary, this.states.get(id))));
			}
			return settled;
		}

		@Override
		public void loading(Map<String, LocalDate> earliest) {
			throw new UnsupportedOperationException("real time does not load events");
		}

	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-07-20T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
