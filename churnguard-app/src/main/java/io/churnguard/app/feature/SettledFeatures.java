package io.churnguard.app.feature;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureTable;

/**
 * Features from stored settled states: each customer's feature-engine state of their
 * events before a boundary day is kept in the database, so a run reads one row per
 * customer and the days since instead of the whole history. The daily job computes the
 * whole archive's features through it and stores the states it settles; real-time scoring
 * starts a customer it has not seen from the stored state.
 */
public interface SettledFeatures {

	/**
	 * Days before an observation date that may still receive events (yesterday's usage
	 * records arrive today): states are settled before them.
	 */
	int OPEN_DAYS = 2;

	/**
	 * Features of every customer with an event before the day, as the batch runner
	 * computes them over the whole log. Where the stored states serve (same feature
	 * streams, settled on or before {@code asOf − OPEN_DAYS} and at most a month earlier,
	 * few stale), each customer starts from their state and only the events since its
	 * boundary are read; otherwise the whole log is. Either way the states settled at
	 * {@code asOf − OPEN_DAYS} are then stored in a transaction of their own, in the
	 * background (see {@link Computed#storing()}), unless the stored ones are newer (a
	 * run for a past day stores nothing).
	 * @param asOf the observation date
	 * @param attributes a customer's archive attributes
	 * @param threads feature threads
	 * @return the features and how they were computed
	 */
	Computed allAsOf(LocalDate asOf, Function<String, CustomerAttributes> attributes, int threads);

	/**
	 * The stored states of some customers, read in one statement with the boundary they
	 * hold.
	 * @param plan the plan the states must have been stored under
	 * @param customerIds the customers
	 * @return a state for each customer the store can serve (an empty one when the
	 * customer had no event before the boundary); none when the store holds no states of
	 * this plan, and none for customers whose state is stale
	 */
	Map<String, Settled> settled(FeaturePlan plan, Collection<String> customerIds);

	/**
	 * Marks stale the stored states that events being loaded change: those of customers
	 * with an event before the stored boundary (or the boundary of a run under way). The
	 * event loader calls it for every batch, in the loading transaction, so the mark
	 * commits with the events; it waits while a run announces its boundary, so that every
	 * batch either committed before the run read the log or is marked against the new
	 * boundary.
	 * @param earliest each customer's earliest event day in the batch
	 */
	void loading(Map<String, LocalDate> earliest);

	/**
	 * A customer's stored state.
	 *
	 * @param before the boundary: the state holds exactly the events before this day
	 * @param state the encoded state, or null when the customer had no event before it
	 */
	record Settled(LocalDate before, byte[] state) {
	}

	/**
	 * The features of a run over the archive, and what it read and stored.
	 *
	 * @param table one row per customer with an event before the day
	 * @param fromStates whether customers started from stored states (false: the whole
	 * log was read)
	 * @param statesRead stored states read
	 * @param historiesRead customers whose whole history was read
	 * @param storing the settled states being stored, in a transaction of their own that
	 * commits after this returns: how many were (zero when the run stores none)
	 */
	record Computed(FeatureTable table, boolean fromStates, long statesRead, long historiesRead,
			CompletableFuture<Long> storing) {

		/**
		 * Waits for the settled states to be stored.
		 * @return how many were stored (zero when the run stored none)
		 * @throws IllegalStateException when storing them failed
		 */
		public long statesStored() {
			try {
				return this.storing.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException(ex.getCause());
			}
		}

	}

}
