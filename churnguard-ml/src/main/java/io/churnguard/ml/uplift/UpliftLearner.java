package io.churnguard.ml.uplift;

/**
 * The uplift learners a trainer can fit.
 */
public enum UpliftLearner {

	/** {@link TwoModelUplift}: separate churn models for treated and control. */
	TWO_MODEL,

	/** {@link XLearnerUplift}: imputed effects regressed and blended by propensity. */
	X_LEARNER

}
