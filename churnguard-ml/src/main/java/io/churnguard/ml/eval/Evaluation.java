package io.churnguard.ml.eval;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every measure of one set of scores against outcomes. Serialised to JSON with the
 * summary measures first; the tables and the ROC points are there for reports.
 *
 * @param rows the number of rows
 * @param positives the number of churners
 * @param auc the area under the ROC curve
 * @param aucLower lower end of its 95 % DeLong interval
 * @param aucUpper upper end of its 95 % DeLong interval
 * @param prAuc the average precision
 * @param threshold the score at or above which churn is predicted
 * @param accuracy accuracy at the threshold
 * @param precision precision at the threshold
 * @param recall recall at the threshold
 * @param f1 F1 at the threshold
 * @param confusion the confusion matrix at the threshold
 * @param logloss the log loss
 * @param brier the Brier score
 * @param topDecileLift the churn rate of the riskiest tenth over the overall rate
 * @param calibrationError the expected calibration error over ten bins
 * @param calibration the calibration table
 * @param gains the lift and gains table
 * @param roc the ROC curve points
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluation(int rows, int positives, double auc, double aucLower, double aucUpper, double prAuc,
		double threshold, double accuracy, double precision, double recall, double f1, ConfusionMatrix confusion,
		double logloss, double brier, double topDecileLift, double calibrationError, List<CalibrationBin> calibration,
		List<GainsRow> gains, @JsonIgnore List<double[]> roc) {

	/**
	 * Evaluates scores.
	 * @param y the outcomes, 1 for churn
	 * @param p the predicted probabilities of churn
	 * @param threshold the score at or above which churn is predicted
	 * @return the evaluation
	 */
	public static Evaluation of(int[] y, double[] p, double threshold) {
		if (y.length != p.length) {
			throw new IllegalArgumentException(y.length + " labels but " + p.length + " scores");
		}
		double[] auc = Metrics.aucWithInterval(y, p);
		ConfusionMatrix cm = Metrics.confusion(y, p, threshold);
		List<CalibrationBin> calibration = Metrics.calibration(y, p, 10);
		List<GainsRow> gains = Metrics.gains(y, p);
		int positives = 0;
		for (int v : y) {
			positives += v;
		}
		return new Evaluation(y.length, positives, auc[0], auc[1], auc[2], Metrics.averagePrecision(y, p), threshold,
				cm.accuracy(), cm.precision(), cm.recall(), cm.f1(), cm, Metrics.logLoss(y, p), Metrics.brier(y, p),
				gains.get(0).lift(), Metrics.expectedCalibrationError(calibration), calibration, gains,
				Metrics.rocCurve(y, p, 200));
	}

	/**
	 * The summary measures only, as the CLI prints them.
	 * @return this evaluation without tables
	 */
	public Evaluation summary() {
		return new Evaluation(this.rows, this.positives, this.auc, this.aucLower, this.aucUpper, this.prAuc,
				this.threshold, this.accuracy, this.precision, this.recall, this.f1, this.confusion, this.logloss,
				this.brier, this.topDecileLift, this.calibrationError, null, null, null);
	}

}
