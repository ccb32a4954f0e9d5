package io.churnguard.ml.feature;

/**
 * The kinds of feature a {@link FeatureDefinition} can declare. Each kind reads a
 * different part of a customer's point-in-time state.
 */
public enum FeatureKind {

	/**
	 * An aggregate of one event stream over the last {@code window} days: count, sum,
	 * mean, max or distinct active days.
	 */
	WINDOW,
	/**
	 * Period-over-period change: the daily rate over the last {@code window} days divided
	 * by the daily rate over the {@code previousWindow} days before them (1 means
	 * unchanged, 0.38 a fall of 62 %).
	 */
	CHANGE,
	/** Days since the last or the first event of a stream. */
	RECENCY,
	/** One earlier feature of the set divided by another. */
	RATIO,
	/**
	 * A lifetime count or sum of a stream divided by the customer's tenure in months (at
	 * least one month).
	 */
	TENURE_AVERAGE,
	/**
	 * A customer attribute from the archive: plan, monthly fee, tenure, contract days
	 * left, group account, or any extra column.
	 */
	ATTRIBUTE

}
