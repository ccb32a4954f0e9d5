package io.churnguard.ml.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Stratified k-fold cross-validation of a whole training procedure: for each fold, the
 * procedure (encoding, selection, search, fitting) sees only the other folds, and its
 * scores of the fold are compared with the outcomes. Fold-level measures are averaged,
 * and the out-of-fold scores of every row are kept for charts and for blending.
 */
public final class CrossValidation {

	private CrossValidation() {
	}

	/**
	 * Cross-validates.
	 * @param y the outcomes of all rows
	 * @param k the number of folds, at least 2
	 * @param seed the seed of the folds
	 * @param threshold the threshold of accuracy, precision and recall
	 * @param procedure trains on some rows and scores others
	 * @return the result
	 */
	public static Result run(int[] y, int k, long seed, double threshold, Procedure procedure) {
		if (k < 2) {
			throw new IllegalArgumentException("Cross-validation needs at least 2 folds, was " + k);
		}
		int[] fold = Folds.stratified(y, k, seed);
		double[] oof = new double[y.length];
		List<Evaluation> folds = new ArrayList<>();
		for (int f = 0; f < k; f++) {
			Folds.Split split = Folds.of(fold, f);
			double[] p = procedure.trainAndScore(split.train(), split.test());
			int[] yt = new int[split.test().length];
			for (int i = 0; i < yt.length; i++) {
				yt[i] = y[split.test()[i]];
				oof[split.test()[i]] = p[i];
			}
			folds.add(Evaluation.of(yt, p, threshold).summary());
		}
		return new Result(fold, oof, folds);
	}

	/** A training procedure under evaluation. */
	@FunctionalInterface
	public interface Procedure {

		/**
		 * Trains on some rows and scores others.
		 * @param trainRows the rows to learn from
		 * @param testRows the rows to score
		 * @return the probabilities of churn of the test rows, in order
		 */
		double[] trainAndScore(int[] trainRows, int[] testRows);

	}

	/**
	 * The outcome of a cross-validation.
	 *
	 * @param fold the fold of every row
	 * @param outOfFold every row's score from the model that did not see it
	 * @param folds the evaluation of each fold
	 */
	public record Result(int[] fold, double[] outOfFold, List<Evaluation> folds) {

		/**
		 * The fold-averaged measures.
		 * @return the summary
		 */
		public CvSummary summary() {
			return CvSummary.of(this.folds);
		}

	}

}
