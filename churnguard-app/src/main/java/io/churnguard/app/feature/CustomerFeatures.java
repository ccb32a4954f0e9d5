package io.churnguard.app.feature;

import java.time.LocalDate;
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

}
