package io.churnguard.ml.model;

import java.nio.file.Path;
import java.util.List;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.gbdt.GbdtParameters;

/**
 * What to train: a CSV file or an in-memory frame, the label and its churn value, columns
 * to leave out, the algorithm and how to validate. Build one with {@link #ofFile} or
 * {@link #ofFrame} and the {@code with…} methods.
 *
 * @param data the CSV file, or null when {@code frame} is given
 * @param frame the in-memory frame, or null when {@code data} is given
 * @param source a name for the data in provenance and reports
 * @param label the label column
 * @param positive the label value meaning churn, or null to infer it
 * @param exclude columns not to learn from (e.g. an id or a leaking column)
 * @param algorithm the algorithm, {@link Algorithm#AUTO} to pick by cross-validated AUC
 * @param cvFolds the folds of cross-validation, 0 for none (auto always cross-validates,
 * with 5 folds unless told otherwise)
 * @param holdoutFraction the share of rows held out for a final test, 0 for none
 * @param seed the seed of every random choice
 * @param threshold the probability at or above which churn is predicted
 * @param searchBudgetMillis the time budget of each gradient boosting parameter search
 * @param gbdtParameters fixed gradient boosting parameters instead of the search, or null
 * @param l2 the L2 penalty of logistic regression on standardized coefficients
 */
public record TrainingRequest(Path data, Frame frame, String source, String label, String positive,
		List<String> exclude, Algorithm algorithm, int cvFolds, double holdoutFraction, long seed, double threshold,
		long searchBudgetMillis, GbdtParameters gbdtParameters, double l2) {

	/** The default time budget of a parameter search. */
	public static final long DEFAULT_SEARCH_BUDGET_MILLIS = 60_000;

	/**
	 * Training from a CSV file with defaults: auto, no cross-validation, no holdout, seed
	 * 0.
	 * @param data the file
	 * @param label the label column
	 * @return the request
	 */
	public static TrainingRequest ofFile(Path data, String label) {
		return new TrainingRequest(data, null, data.getFileName().toString(), label, null, List.of(), Algorithm.AUTO, 0,
				0, 0, 0.5, DEFAULT_SEARCH_BUDGET_MILLIS, null, 0);
	}

	/**
	 * Training from a frame (e.g. the feature engine's output) with defaults.
	 * @param frame the frame, label included
	 * @param label the label column
	 * @param source a name for the data
	 * @return the request
	 */
	public static TrainingRequest ofFrame(Frame frame, String label, String source) {
		return new TrainingRequest(null, frame, source, label, null, List.of(), Algorithm.AUTO, 0, 0, 0, 0.5,
				DEFAULT_SEARCH_BUDGET_MILLIS, null, 0);
	}

	/**
	 * @param value the churn value of the label
	 * @return a new request
	 */
	public TrainingRequest withPositive(String value) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, value, this.exclude, this.algorithm,
				this.cvFolds, this.holdoutFraction, this.seed, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param columns columns not to learn from
	 * @return a new request
	 */
	public TrainingRequest withExclude(List<String> columns) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, List.copyOf(columns),
				this.algorithm, this.cvFolds, this.holdoutFraction, this.seed, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param value the algorithm
	 * @return a new request
	 */
	public TrainingRequest withAlgorithm(Algorithm value) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude, value,
				this.cvFolds, this.holdoutFraction, this.seed, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param folds the folds of cross-validation, 0 for none
	 * @return a new request
	 */
	public TrainingRequest withCv(int folds) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, folds, this.holdoutFraction, this.seed, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param fraction the share of rows held out, 0 for none
	 * @return a new request
	 */
	public TrainingRequest withHoldout(double fraction) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, this.cvFolds, fraction, this.seed, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param value the seed
	 * @return a new request
	 */
	public TrainingRequest withSeed(long value) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, this.cvFolds, this.holdoutFraction, value, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param value the decision threshold
	 * @return a new request
	 */
	public TrainingRequest withThreshold(double value) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, this.cvFolds, this.holdoutFraction, this.seed, value, this.searchBudgetMillis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param millis the time budget of each parameter search
	 * @return a new request
	 */
	public TrainingRequest withSearchBudget(long millis) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, this.cvFolds, this.holdoutFraction, this.seed, this.threshold, millis,
				this.gbdtParameters, this.l2);
	}

	/**
	 * @param parameters fixed gradient boosting parameters, null for the search
	 * @return a new request
	 */
	public TrainingRequest withGbdtParameters(GbdtParameters parameters) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, this.cvFolds, this.holdoutFraction, this.seed, this.threshold, this.searchBudgetMillis,
				parameters, this.l2);
	}

	/**
	 * @param lambda the L2 penalty of logistic regression
	 * @return a new request
	 */
	public TrainingRequest withL2(double lambda) {
		return new TrainingRequest(this.data, this.frame, this.source, this.label, this.positive, this.exclude,
				this.algorithm, this.cvFolds, this.holdoutFraction, this.seed, this.threshold, this.searchBudgetMillis,
				this.gbdtParameters, lambda);
	}

}
