package io.churnguard.ml.eval;

/**
 * Counts of a yes/no prediction of churn against what happened.
 *
 * @param truePositives churners predicted to churn
 * @param falsePositives stayers predicted to churn
 * @param trueNegatives stayers predicted to stay
 * @param falseNegatives churners predicted to stay
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

	/** The share of correct predictions. */
	public double accuracy() {
		return (double) (this.truePositives + this.trueNegatives)
				/ (this.truePositives + this.falsePositives + this.trueNegatives + this.falseNegatives);
	}

	/** The share of predicted churners who churned; NaN when none was predicted. */
	public double precision() {
		return (double) this.truePositives / (this.truePositives + this.falsePositives);
	}

	/** The share of churners predicted; NaN without churners. */
	public double recall() {
		return (double) this.truePositives / (this.truePositives + this.falseNegatives);
	}

	/** The harmonic mean of precision and recall. */
	public double f1() {
		double p = precision();
		double r = recall();
		return (p + r == 0 || Double.isNaN(p)) ? 0 : 2 * p * r / (p + r);
	}

}
