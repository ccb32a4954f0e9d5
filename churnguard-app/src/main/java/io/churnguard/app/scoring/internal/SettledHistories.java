package io.churnguard.app.scoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.SettledFeatures;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.CustomerState;
import io.churnguard.ml.feature.CustomerStateCodec;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureTable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Features for real-time rescoring, kept up to date incrementally. For each customer
 * rescored recently it holds the <em>settled</em> part of the history in memory — a
 * {@link CustomerState} of the events before yesterday — and reads from the archive only
 * what came after: yesterday's and today's events, which may still grow. A rescoring adds
 * those to a copy of the settled state, so nothing is ever counted twice however often a
 * customer is rescored, and the values equal a full batch run's exactly.
 * <p>
 * A customer seen for the first time (or forgotten) starts from the state the daily job
 * stored ({@link SettledFeatures}) and the days since, or, without one, is read in full
 * once. The settled part moves forward by itself as days pass. It is dropped — and read
 * again in full next time — when events older than it arrive ({@link #forgetIfBefore}),
 * when the feature set changes, when the daily job has run ({@link #clear}), and after a
 * time to live, the bound on how long an event loaded around the server (another
 * process's import of old events) can go unseen. At most {@code capacity} customers are
 * kept, least recently rescored dropped first.
 * <p>
 * Thread-safe: a customer's settled state is read and advanced under its own lock.
 */
@Component
class SettledHistories {

	private final ArchiveEvents archive;

	private final SettledFeatures store;

	private final Clock clock;

	private final long ttlMillis;

	private final Map<String, Settled> settled;

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
		long now = this.clock.millis();
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
		// Unknown customers with a state stored by the daily job: that state, and the
		// days
		// since read like a known customer's.
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
		Map<String, List<OpenEvent>> recent = new HashMap<>();
		if (!unknown.isEmpty()) {
			read(unknown, null, asOf, plan, (id, event) -> {
				Settled entry = loaded.computeIfAbsent(id, key -> new Settled(plan, key, settleBefore, now));
				if (event.day < settleBefore) {
					entry.state.add(event.day, event.kind, event.amount, event.quantity);
				}
				else {
					recent.computeIfAbsent(id, key -> new ArrayList<>()).add(event);
				}
			});
		}
		if (!loaded.isEmpty()) {
			synchronized (this.settled) {
				if (this.generation == readGeneration) {
					this.settled.putAll(loaded);
				}
			}
		}
		// Known customers: only the days their settled state does not hold yet.
		if (!known.isEmpty()) {
			int from = known.values().stream().mapToInt(entry -> entry.settledBefore).min().getAsInt();
			read(known.keySet(), LocalDate.ofEpochDay(from), asOf, plan,
					(id, event) -> recent.computeIfAbsent(id, key -> new ArrayList<>()).add(event));
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
			List<OpenEvent> events = recent.getOrDefault(id, List.of());
			CustomerState state;
			int openFrom;
			// Advancing, copying and choosing the events to add happen under one lock, so
			// that two rescorings of one customer never fold the same day in twice.
			synchronized (entry) {
				for (OpenEvent event : events) {
					if (event.day >= entry.settledBefore && event.day < settleBefore) {
						// A day that has closed since the last rescoring: settled for
						// good.
						entry.state.add(event.day, event.kind, event.amount, event.quantity);
					}
				}
				entry.settledBefore = Math.max(entry.settledBefore, settleBefore);
				openFrom = entry.settledBefore;
				state = entry.state.copy();
			}
			boolean any = state.lastEventDay() != Integer.MIN_VALUE;
			state.attributes(attributes.apply(id));
			for (OpenEvent event : events) {
				if (event.day >= openFrom) {
					state.add(event.day, event.kind, event.amount, event.quantity);
					any = true;
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
	 * Drops the settled histories that events of a past day would change: called for
	 * every batch of events before its customers are rescored.
	 * @param customerIds the customers that received events
	 * @param earliest the earliest day among those events; null when unknown
	 * @param today the business's today
	 */
	void forgetIfBefore(Collection<String> customerIds, LocalDate earliest, LocalDate today) {
		int settleBefore = (int) today.toEpochDay() + 1 - SettledFeatures.OPEN_DAYS;
		if (earliest != null && earliest.toEpochDay() >= settleBefore) {
			return;
		}
		synchronized (this.settled) {
			this.generation++;
			for (String id : customerIds) {
				Settled entry = this.settled.get(id);
				if (entry != null && (earliest == null || earliest.toEpochDay() < entry.settledBefore)) {
					this.settled.remove(id);
				}
			}
		}
	}

	/** Drops every settled history. */
	void clear() {
		synchronized (this.settled) {
			this.generation++;
			this.settled.clear();
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
			this.archive.events(customerIds, from, before)
				.read((id, time, type, subtype, amount, quantity) -> sink.accept(id, new OpenEvent(
						(int) time.toLocalDate().toEpochDay(), plan.kind(type, subtype), amount, quantity)));
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
	private record OpenEvent(int day, int kind, double amount, double quantity) {
	}

	/** A customer's events before {@code settledBefore}, folded into a state. */
	private static final class Settled {

		final FeaturePlan plan;

		final CustomerState state;

		final long loadedAt;

		int settledBefore;

		Settled(FeaturePlan plan, String customerId, int settledBefore, long loadedAt) {
			this.plan = plan;
			this.state = plan.newState();
			this.state.reset(customerId, null);
			this.settledBefore = settledBefore;
			this.loadedAt = loadedAt;
		}

	}

}
