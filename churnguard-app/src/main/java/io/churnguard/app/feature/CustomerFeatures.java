package io.churnguard.app.feature;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.churnguard.ml.feature.FeatureVector;

/**
 * A customer's features as of a day, computed from the event log with the one feature
 * engine. Callers check the customer's data scope first.
 */
public interface CustomerFeatures {

	/**
	 * @param customerId the customer
	 * @param asOf features use only events strictly before this day
	 * @return the features, or empty when the archive does not know the customer
	 */
	Optional<FeatureVector> asOf(String customerId, LocalDate asOf);

	/**
	 * The features at several days from one read of the customer's events, each point in
	 * time: a day's values use only events strictly before it.
	 * @param customerId the customer
	 * @param days the observation days, ascending
	 * @return the features at each day, in the same order, or an empty list when the
	 * archive does not know the customer
	 */
	List<FeatureVector> asOf(String customerId, List<LocalDate> days);

}
