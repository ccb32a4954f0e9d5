package io.churnguard.ml.eval;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Cross-validated measures, each the mean over folds, with the spread of the AUC.
 *
 * @param folds the number of folds
 * @param auc mean AUC
 * @param aucStd standard deviation of the AUC over folds
 * @param prAuc mean average precision
 * @param accuracy mean accuracy at the threshold
 * @param precision mean precision at the threshold
 * @param recall mean recall at the threshold
 * @param f1 mean F1 at the threshold
 * @param logloss mean log loss
 * @param brier mean Brier score
 * @param topDecileLift mean lift of the riskiest tenth
 * @param threshold the threshold
 */
public record CvSummary(int folds, double auc, double aucStd, double prAuc, double accuracy, double precision,
		double recall, double f1, double logloss, double brier, double topDecileLift, double threshold) {

	/**
	 * Averages fold evaluations.
	 * @param folds the fold evaluations
	 * @return the summary
	 */
	public static CvSummary of(List<Evaluation> folds) {
		double auc = mean(folds, Evaluation::auc);
		double ss = 0;
		for (Evaluation e : folds) {
			ss += (e.auc() - auc) * (e.auc() - auc);
		}
		double std = (folds.size() > 1) ? Math.sqrt(ss / (folds.size() - 1)) : 0;
		return new CvSummary(folds.size(), auc, std, mean(folds, Evaluation::prAuc), mean(folds, Evaluation::accuracy),
				mean(folds, Evaluation::precision), mean(folds, Evaluation::recall), mean(folds, Evaluation::f1),
				mean(folds, Evaluation::logloss), mean(folds, Evaluation::brier),
				mean(folds, Evaluation::topDecileLift), folds.get(0).threshold());
	}

	private static double mean(List<Evaluation> folds, ToDoubleFunction<Evaluation> f) {
		double s = 0;
		for (Evaluation e : folds) {
			s += f.applyAsDouble(e);
		}
		return s / folds.size();
	}

}
