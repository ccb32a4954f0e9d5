package io.churnguard.ml.feature;

/** Which numeric field of an event a sum, mean or max reads. */
public enum ValueField {

	/** Money in the business currency, e.g. a bill or an order value. */
	AMOUNT,
	/** A count or measure, e.g. call minutes, data MB, days late. */
	QUANTITY

}
