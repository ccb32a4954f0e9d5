package io.churnguard.app.scoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.churnguard.app.event.EventsAppended;
import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.SettledFeatures;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.CustomerState;
import io.churnguard.ml.feature.CustomerStateCodec;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureTable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Features for real-time rescoring, kept up to date incrementally. For each customer
 * rescored recently it holds in memory the <em>settled</em> part of the history — a
 * {@link CustomerState} of the events before yesterday — and the events since, the
 * <em>open</em> days ({@link OpenDays}), which may still grow. Events received through
 * the API are added to the open days as they are announced ({@link #arrived}); a
 * rescoring adds the open days to a copy of the settled state, so nothing is ever counted
 * twice however often a customer is rescored, and the values equal a full batch run's
 * exactly. As days close, their events move into the settled state.
 * <p>
 * A customer seen for the first time (or forgotten) starts from the state the daily job
 * stored ({@link SettledFeatures}) and the days since, read from the log, or, without
 * one, is read in full once. Announcements are applied by the rescoring that serves them,
 * never by the thread announcing, so one that arrives while its customer is being read is
 * not lost: the read or a later rescoring holds it, and an event both read and announced
 * is held once. A customer's memory is dropped — and read again next time — when events
 * older than its settled part arrive ({@link #forgetIfBefore}), when the feature set
 * changes, when the daily job has run or events were imported ({@link #clear}), and after
 * a time to live, the bound on how long an event loaded around the server (another
 * process's import) can go unseen. An announcement that does not say exactly which events
 * were added (a batch that repeated events) has its customers' open days read again. At
 * most {@code capacity} customers are kept, least recently rescored dropped first.
 * <p>
 * Thread-safe. A customer's memory is read and changed under its own lock; the real-time
 * path never rescores one customer in two batches at once ({@link Coalescer}).
 */
@Component
class SettledHistories {

	/** A customer's open days beyond this many events are read from the log each time. */
	private static final int MOST_OPEN_EVENTS = 20_000;

	// Stands for "these customers' open days changed in ways not announced" (compared by
	// identity: an instance of its own).
	private static final List<EventsAppended.Appended> UNKNOWN = java.util.Collections
		.unmodifiableList(new ArrayList<>());

	private final ArchiveEvents archive;

	private final SettledFeatures store;

	private final Clock clock;

	private final int capacity;

	private final long ttlMillis;

	private final Map<String, Settled> settled;

	// Events announced, by customer, until the rescoring that serves them.
	private final Map<String, List<EventsAppended.Appended>> announced = new ConcurrentHashMap<>();

	// Bumped whenever histories are dropped because of late events: a full read that
	// began before may have missed them, so its result is used but not kept.
	private long generation;

	/**
	 * @param archive where the events are
	 * @param capacity the most customers kept
	 * @param ttl how long a settled history is trusted
	 * @param clock for the time to live
	 */
	SettledHistories(ArchiveEvents archive, SettledFeatures store,
			@Value("${churnguard.scoring.realtime-customers-in-memory:100000}") int capacity,
			@Value("${churnguard.scoring.realtime-history-ttl:PT1H}") Duration ttl, Clock clock) {
		this.archive = archive;
		this.store = store;
		this.clock = clock;
		this.capacity = capacity;
		this.ttlMillis = ttl.toMillis();
		this.settled = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Settled> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * The features of the given customers as of a day: one row for each customer with at
	 * least one event before it, as a batch run over the archive gives.
	 * @param plan the compiled feature set
	 * @param customerIds the customers
	 * @param attributes a customer's archive attributes
	 * @param asOf the observation date
	 * @return the rows
	 */
	FeatureTable asOf(FeaturePlan plan, Collection<String> customerIds, Function<String, CustomerAttributes> attributes,
			LocalDate asOf) {
		int asOfDay = (int) asOf.toEpochDay();
		int settleBefore = asOfDay - SettledFeatures.OPEN_DAYS;
		// Events are accepted up to a day ahead: the open days reach that far, and each
		// waits for its day.
		LocalDate readBefore = asOf.plusDays(1);
		long now = this.clock.millis();
		// Taken before anything is read: whatever is announced from here on waits for the
		// next rescoring, and a read below holds every event announced up to here.
		Map<String, List<EventsAppended.Appended>> arrivals = new HashMap<>();
		for (String id : customerIds) {
			List<EventsAppended.Appended> events = this.announced.remove(id);
			if (events != null) {
				arrivals.put(id, events);
			}
		}
		Map<String, Settled> known = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		long readGeneration;
		synchronized (this.settled) {
			readGeneration = this.generation;
			for (String id : customerIds) {
				Settled entry = this.settled.get(id);
				if (entry != null && entry.plan == plan && now - entry.loadedAt < this.ttlMillis) {
					known.put(id, entry);
				}
				else {
					unknown.add(id);
				}
			}
		}
		for (Map.Entry<String, List<EventsAppended.Appended>> arrival : arrivals.entrySet()) {
			Settled entry = known.get(arrival.getKey());
			if (entry != null && !entry.add(arrival.getValue())) {
				// Older than the settled part: read in full again.
				known.remove(arrival.getKey());
				unknown.add(arrival.getKey());
			}
		}
		// Unknown customers with a state stored by the daily job: that state, and the
		// days since read like a known customer's.
		Map<String, Settled> loaded = new HashMap<>();
		if (!unknown.isEmpty()) {
			for (Map.Entry<String, SettledFeatures.Settled> stored : this.store.settled(plan, unknown).entrySet()) {
				Settled entry = new Settled(plan, stored.getKey(), (int) stored.getValue().before().toEpochDay(), now);
				if (stored.getValue().state() != null) {
					CustomerStateCodec.decodeInto(stored.getValue().state(), entry.state);
				}
				loaded.put(stored.getKey(), entry);
				known.put(stored.getKey(), entry);
			}
			unknown.removeAll(loaded.keySet());
		}
		// The rest: their whole history, split at the settled boundary.
		if (!unknown.isEmpty()) {
			read(unknown, null, readBefore, plan, (id, event) -> {
				Settled entry = loaded.computeIfAbsent(id, key -> new Settled(plan, key, settleBefore, now));
				if (entry.open == null) {
					entry.open = new OpenDays();
				}
				if (event.day() < settleBefore) {
					entry.state.add(event.day(), event.kind, event.amount, event.quantity);
				}
				else {
					entry.open.add(event.id, event.time, event.kind, event.amount, event.quantity);
				}
			});
		}
		// Known customers without their open days in memory: those days, from the log.
		List<Settled> toRead = known.values().stream().filter(entry -> entry.open() == null).toList();
		if (!toRead.isEmpty()) {
			Map<String, OpenDays> read = new HashMap<>();
			int from = toRead.stream().mapToInt(Settled::settledBefore).min().getAsInt();
			read(toRead.stream().map(entry -> entry.customerId).toList(), LocalDate.ofEpochDay(from), readBefore, plan,
					(id, event) -> {
						int settledBefore = known.get(id).settledBefore();
						if (event.day() >= settledBefore) {
							read.computeIfAbsent(id, key -> new OpenDays())
								.add(event.id, event.time, event.kind, event.amount, event.quantity);
						}
					});
			for (Settled entry : toRead) {
				entry.open(read.getOrDefault(entry.customerId, new OpenDays()));
			}
		}
		if (!loaded.isEmpty()) {
			synchronized (this.settled) {
				if (this.generation == readGeneration) {
					this.settled.putAll(loaded);
				}
			}
		}
		FeatureSet featureSet = plan.featureSet();
		FeatureTable.Builder table = FeatureTable.builder(featureSet);
		double[] numeric = new double[featureSet.numericNames().size()];
		String[] categorical = new String[featureSet.categoricalNames().size()];
		for (String id : customerIds) {
			Settled entry = known.containsKey(id) ? known.get(id) : loaded.get(id);
			if (entry == null) {
				continue;
			}
			CustomerState state;
			boolean any;
			// Settling, copying and adding the open days happen under one lock, so that
			// two rescorings of one customer never fold the same day in twice.
			synchronized (entry) {
				if (entry.open == null) {
					throw new IllegalStateException("customer " + id + " rescored in two batches at once");
				}
				if (entry.settledBefore < settleBefore) {
					// Days that have closed since the last rescoring: settled for good.
					entry.open.settleBefore(settleBefore, entry.state);
					entry.settledBefore = settleBefore;
				}
				state = entry.state.copy();
				any = state.lastEventDay() != Integer.MIN_VALUE;
				state.attributes(attributes.apply(id));
				any |= entry.open.addBefore(asOfDay, state);
				if (entry.open.size() > MOST_OPEN_EVENTS) {
					entry.open = null;
				}
			}
			if (!any) {
				continue;
			}
			state.evaluate(asOfDay, numeric, categorical);
			table.row(id, asOfDay, -1, numeric, categorical);
		}
		return table.build();
	}

	/**
	 * Takes note of events received, for the rescoring of their customers that follows:
	 * called for every batch of events, after {@link #forgetIfBefore}.
	 * @param appended the announcement
	 */
	void arrived(EventsAppended appended) {
		if (this.announced.size() > this.capacity) {
			// Announced but never rescored (no champion model): nothing is kept for them.
			clear();
		}
		if (appended.events() == null) {
			appended.customerIds().forEach(id -> this.announced.put(id, UNKNOWN));
			return;
		}
		Map<String, List<EventsAppended.Appended>> byCustomer = new HashMap<>();
		for (EventsAppended.Appended event : appended.events()) {
			byCustomer.computeIfAbsent(event.customerId(), id -> new ArrayList<>()).add(event);
		}
		byCustomer.forEach((id, events) -> this.announced.merge(id, events, (held, more) -> {
			if (held == UNKNOWN) {
				return UNKNOWN;
			}
			List<EventsAppended.Appended> all = new ArrayList<>(held);
			all.addAll(more);
			return all;
		}));
	}

	/**
	 * Drops the settled histories that events of a past day would change: called for
	 * every batch of events before its customers are rescored.
	 * @param customerIds the customers that received events
	 * @param earliest the earliest day among those events; null when unknown
	 * @param today the business's today
	 */
	void forgetIfBefore(Collection<String> customerIds, LocalDate earliest, LocalDate today) {
		if (earliest == null) {
			forget(customerIds);
			return;
		}
		int settleBefore = (int) today.toEpochDay() + 1 - SettledFeatures.OPEN_DAYS;
		if (earliest.toEpochDay() >= settleBefore) {
			return;
		}
		synchronized (this.settled) {
			this.generation++;
			for (String id : customerIds) {
				Settled entry = this.settled.get(id);
				if (entry != null && earliest.toEpochDay() < entry.settledBefore()) {
					this.settled.remove(id);
				}
			}
		}
	}

	/**
	 * Drops what is held about some customers: they are read again next time.
	 * @param customerIds the customers
	 */
	void forget(Collection<String> customerIds) {
		synchronized (this.settled) {
			this.generation++;
			customerIds.forEach(this.settled::remove);
		}
	}

	/** Drops every settled history, and every announcement not served yet. */
	void clear() {
		synchronized (this.settled) {
			this.generation++;
			this.settled.clear();
			this.announced.clear();
		}
	}

	/** The number of customers held. */
	int size() {
		synchronized (this.settled) {
			return this.settled.size();
		}
	}

	private void read(Collection<String> customerIds, LocalDate from, LocalDate before, FeaturePlan plan,
			EventSink sink) {
		try {
			this.archive.identifiedEvents(customerIds, from, before,
					(eventId, id, time, type, subtype, amount, quantity) -> sink.accept(id,
							new OpenEvent(eventId, time, plan.kind(type, subtype), amount, quantity)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface EventSink {

		void accept(String customerId, OpenEvent event);

	}

	/** An event in the form the state takes it. */
	private record OpenEvent(String id, LocalDateTime time, int kind, double amount, double quantity) {

		int day() {
			return (int) this.time.toLocalDate().toEpochDay();
		}
	}

	/**
	 * A customer's events before {@code settledBefore}, folded into a state, and those
	 * since ({@code open}, null when they must be read from the log).
	 */
	private static final class Settled {

		final FeaturePlan plan;

		final String customerId;

		final CustomerState state;

		final long loadedAt;

		int settledBefore;

		OpenDays open;

		Settled(FeaturePlan plan, String customerId, int settledBefore, long loadedAt) {
			this.plan = plan;
			this.customerId = customerId;
			this.state = plan.newState();
			this.state.reset(customerId, null);
			this.settledBefore = settledBefore;
			this.loadedAt = loadedAt;
		}

		synchronized int settledBefore() {
			return this.settledBefore;
		}

		synchronized OpenDays open() {
			return this.open;
		}

		synchronized void open(OpenDays days) {
			this.open = days;
		}

		/**
		 * Adds announced events to the open days held; an announcement without its events
		 * leaves them to be read again.
		 * @return false when an event is older than the settled part
		 */
		synchronized boolean add(List<EventsAppended.Appended> events) {
			if (events == UNKNOWN) {
				this.open = null;
				return true;
			}
			if (this.open == null) {
				// To be read from the log, which holds these (they were committed first).
				return true;
			}
			for (EventsAppended.Appended event : events) {
				if (event.time().toLocalDate().toEpochDay() < this.settledBefore) {
					return false;
				}
				this.open.add(event.eventId(), event.time(),
						this.plan.kind(EventType.fromCode(event.type()), event.subtype()),
						(event.amount() != null) ? event.amount() : Double.NaN,
						(event.quantity() != null) ? event.quantity() : Double.NaN);
			}
			return true;
		}

	}

}
