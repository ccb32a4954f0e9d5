package io.churnguard.ml.sim;

/**
 * One simulated customer as drawn at the start: the identity and archive fields of
 * customers.csv, and the hidden traits that drive their behaviour and their response to
 * retention actions. Never changes during the simulation; what changes lives in
 * {@link LatentState}.
 */
final class CustomerProfile {

	/** Marks the absence of a day (no contract, no overdue bill …). */
	static final int NO_DAY = Integer.MIN_VALUE;

	int index;

	String id;

	byte[] idField;

	// Archive fields.

	String name;

	boolean male;

	int birthYear;

	String phone;

	String email;

	String idCard;

	Regions.Province province;

	String city;

	int agent;

	int channel;

	boolean group;

	int joinDay;

	int plan;

	int contractMonths;

	int contractEndDay = NO_DAY;

	// Hidden traits.

	/** Unobserved propensity to leave, standard normal: why churn is never separable. */
	double frailty;

	/** Between 0 and 1: how much price and discounts matter. */
	double priceSensitivity;

	/** Around 1: how much the customer uses the service. */
	double engagement;

	/** The base probability of paying a bill late. */
	double financialStress;

	/** Around 1: how readily the customer complains. */
	double complaintProneness;

	/** The level dissatisfaction returns to. */
	double grumpiness;

	/** Around 1: how often competitors' offers reach the customer. */
	double competitorExposure;

	/** Around 1: how often quality incidents hit the customer. */
	double qualityExposure;

	/**
	 * Preset-specific usage levels (minutes and MB, transactions and spend, sessions).
	 */
	double usageA;

	double usageB;

	UpliftSegment segment;

	/** Per action, the log of the hazard multiplier at full strength. */
	final double[] response = new double[RetentionAction.values().length];

	/** The time-invariant part of the log-hazard. */
	double staticRisk;

	/**
	 * Exponential threshold of cumulative hazard: the customer churns on the first day
	 * the accumulated hazard reaches it. Drawn once, so a treatment that lowers the
	 * hazard can only postpone churn and one that raises it can only bring it forward.
	 */
	double churnThreshold;

	int age(int year) {
		return year - this.birthYear;
	}

}
