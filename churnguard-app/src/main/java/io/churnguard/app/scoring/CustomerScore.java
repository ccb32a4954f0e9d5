package io.churnguard.app.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's churn score.
 *
 * @param customerId the customer
 * @param scoredAt when the score was computed
 * @param asOf the day the features describe (events before it)
 * @param modelId the model that scored
 * @param probability the probability of churning within the model's horizon
 * @param riskBand high, medium or low
 * @param valueAtRisk probability × the customer's annual value (12 × monthly fee), in CNY
 * @param reasons the strongest reasons raising the risk, strongest first
 */
public record CustomerScore(String customerId, Instant scoredAt, LocalDate asOf, String modelId, double probability,
		String riskBand, BigDecimal valueAtRisk, List<ScoreReason> reasons) {

	/**
	 * @param feature the feature or column
	 * @param contribution its signed contribution to the log-odds
	 * @param zh the reason in Chinese
	 * @param en the reason in English
	 */
	public record ScoreReason(String feature, double contribution, String zh, String en) {
	}

}
