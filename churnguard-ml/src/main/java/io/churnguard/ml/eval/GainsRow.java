package io.churnguard.ml.eval;

/**
 * One decile of a lift and gains table, customers sorted from the riskiest.
 *
 * @param decile 1 for the riskiest tenth
 * @param count customers in it
 * @param churners churners among them
 * @param churnRate their churn rate
 * @param lift their churn rate over the overall rate
 * @param cumulativeGain the share of all churners found in deciles 1 to this one
 * @param cumulativeLift the churn rate of deciles 1 to this one over the overall rate
 */
public record GainsRow(int decile, int count, int churners, double churnRate, double lift, double cumulativeGain,
		double cumulativeLift) {
}
