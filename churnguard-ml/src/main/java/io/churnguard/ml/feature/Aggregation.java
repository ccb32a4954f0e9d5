package io.churnguard.ml.feature;

/** How a feature reduces the events of one stream to a number. */
public enum Aggregation {

	/** The number of events. */
	COUNT,
	/** The sum of a value field; 0 when there is no event. */
	SUM,
	/** The mean of a value field over events that carry it; absent when none does. */
	MEAN,
	/** The maximum of a value field over events that carry it; absent when none does. */
	MAX,
	/** The number of distinct days with at least one event. */
	ACTIVE_DAYS,
	/** Days from the last event (its day) to the observation date; absent when none. */
	DAYS_SINCE_LAST,
	/** Days from the first event (its day) to the observation date; absent when none. */
	DAYS_SINCE_FIRST;

	boolean needsField() {
		return this == SUM || this == MEAN || this == MAX;
	}

}
