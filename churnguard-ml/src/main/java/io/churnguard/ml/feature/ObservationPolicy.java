package io.churnguard.ml.feature;

import java.time.LocalDate;

import io.churnguard.ml.event.CustomerAttributes;

/**
 * Chooses, per customer, the dates at which a batch run computes features, and the label
 * of each row: a single scoring date for every customer, or many dates with churn labels
 * for a training set.
 */
@FunctionalInterface
public interface ObservationPolicy {

	/**
	 * The observations of one customer.
	 * @param customerId the customer
	 * @param attributes the customer's archive attributes, null when unknown
	 * @param events the customer's events in time order
	 * @return observation days in ascending order, with labels
	 */
	Observations observe(String customerId, CustomerAttributes attributes, CustomerEvents events);

	/**
	 * Every customer observed once, without a label: features for scoring.
	 * @param date the observation date; features use events before it
	 * @return the policy
	 */
	static ObservationPolicy asOf(LocalDate date) {
		Observations single = new Observations(new int[] { (int) date.toEpochDay() },
				new int[] { Observations.NO_LABEL });
		return (customerId, attributes, events) -> single;
	}

	/**
	 * Observation days and labels of one customer.
	 *
	 * @param days epoch days in ascending order
	 * @param labels one label per day: 1 churned, 0 stayed, {@link #NO_LABEL} unknown
	 */
	record Observations(int[] days, int[] labels) {

		/** The label of a row without one, e.g. a scoring row. */
		public static final int NO_LABEL = -1;

		/** No observation. */
		public static final Observations NONE = new Observations(new int[0], new int[0]);

		public Observations {
			if (days.length != labels.length) {
				throw new IllegalArgumentException("one label per observation day");
			}
			for (int i = 1; i < days.length; i++) {
				if (days[i] <= days[i - 1]) {
					throw new IllegalArgumentException("observation days must be strictly ascending");
				}
			}
		}

	}

}
