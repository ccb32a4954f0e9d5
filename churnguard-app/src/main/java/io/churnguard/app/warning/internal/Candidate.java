package io.churnguard.app.warning.internal;

import java.math.BigDecimal;
import java.util.List;

import io.churnguard.app.warning.WarningLevel;

/**
 * A warning about to be raised: for whom, why, how serious, and what is at stake.
 *
 * @param customerId the customer
 * @param key what de-duplicates it: {@code model}, or {@code rule:<id>} of the rule — the
 * id, not the name, so that renaming a rule keeps its open warning
 * @param cause {@code model} or {@code rule:<name>}, as shown to people
 * @param level the level
 * @param probability the churn probability of the latest score
 * @param riskBand its band
 * @param modelId the model that scored
 * @param reasons the reasons, each as {zh, en}; null when real-time rescoring did not
 * explain the score (see {@link RaisingWarnings.Explainer}): a warning this candidate
 * only refreshes keeps its own reasons
 * @param valueAtRisk probability × annual value
 * @param action the suggested action
 */
record Candidate(String customerId, String key, String cause, WarningLevel level, double probability, String riskBand,
		String modelId, List<Reason> reasons, BigDecimal valueAtRisk, String action) {

	/** The same candidate with its reasons explained. */
	Candidate withReasons(List<Reason> explained) {
		return new Candidate(this.customerId, this.key, this.cause, this.level, this.probability, this.riskBand,
				this.modelId, explained, this.valueAtRisk, this.action);
	}

	/** One reason in both languages. */
	record Reason(String zh, String en) {
	}

}
