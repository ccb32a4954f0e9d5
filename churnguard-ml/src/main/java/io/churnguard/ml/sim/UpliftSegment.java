package io.churnguard.ml.sim;

import java.util.Locale;

/**
 * How a customer responds to being contacted: the four classic uplift segments. The
 * simulator draws each customer's segment from observable traits plus noise, so that an
 * uplift model can learn it from data, but never perfectly.
 */
public enum UpliftSegment {

	/** At risk, and kept by the right action: the customers a campaign should reach. */
	PERSUADABLE,

	/** Staying anyway; an action is spent on them for nothing. */
	SURE_THING,

	/** Leaving anyway; an action hardly changes that. */
	LOST_CAUSE,

	/** Staying if left alone, and leaving sooner when contacted. */
	SLEEPING_DOG;

	/** The code used in truth.csv, e.g. {@code sleeping_dog}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a code such as {@code persuadable}.
	 * @param code the code
	 * @return the segment
	 * @throws IllegalArgumentException when the code names no segment
	 */
	public static UpliftSegment fromCode(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

}
