package io.churnguard.ml.model;

/**
 * Maps a probability of churn to a risk band. By default the thresholds are quantiles of
 * the training scores (out-of-fold scores when cross-validated): the riskiest 10 % of
 * customers are "high", the next 20 % "medium", the rest "low", so that the bands match a
 * retention team's capacity whatever the base churn rate.
 *
 * @param high the lowest probability of the high band
 * @param medium the lowest probability of the medium band
 */
public record RiskBands(double high, double medium) {

	/** The share of training customers in the high band. */
	public static final double HIGH_SHARE = 0.10;

	/** The share of training customers in the high and medium bands together. */
	public static final double MEDIUM_SHARE = 0.30;

	/**
	 * Bands from training scores.
	 * @param scores the training probabilities
	 * @return the bands
	 */
	public static RiskBands fromScores(double[] scores) {
		double[] s = scores.clone();
		java.util.Arrays.sort(s);
		int n = s.length;
		double high = s[Math.min(n - 1, (int) Math.floor(n * (1 - HIGH_SHARE)))];
		double medium = s[Math.min(n - 1, (int) Math.floor(n * (1 - MEDIUM_SHARE)))];
		return new RiskBands(high, Math.min(medium, high));
	}

	/**
	 * The band of a probability.
	 * @param probability the probability of churn
	 * @return {@code high}, {@code medium} or {@code low}
	 */
	public String band(double probability) {
		if (probability >= this.high) {
			return "high";
		}
		return (probability >= this.medium) ? "medium" : "low";
	}

}
