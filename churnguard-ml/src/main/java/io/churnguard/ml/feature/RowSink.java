package io.churnguard.ml.feature;

/**
 * Receives the rows of a batch run: one customer at one observation date. The arrays are
 * reused for the next row; copy what you keep.
 */
@FunctionalInterface
public interface RowSink {

	/**
	 * One row.
	 * @param customerId the customer
	 * @param observationDay the observation date as an epoch day
	 * @param label the label, {@link ObservationPolicy.Observations#NO_LABEL} when none
	 * @param numeric numeric values in {@link FeatureSet#numericNames()} order
	 * @param categorical categories in {@link FeatureSet#categoricalNames()} order
	 */
	void row(String customerId, int observationDay, int label, double[] numeric, String[] categorical);

}
