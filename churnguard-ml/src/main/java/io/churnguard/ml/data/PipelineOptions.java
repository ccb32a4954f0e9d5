package io.churnguard.ml.data;

/**
 * How a {@link FeaturePipeline} encodes columns.
 *
 * @param impute fill missing numbers with the training median and add a missing indicator
 * (linear models need it; trees route NaN themselves)
 * @param referenceLevel drop the most frequent level of each one-hot encoded column
 * (linear models need it to be identifiable)
 * @param maxOneHotLevels columns with more levels than this (after pooling rare ones) are
 * target encoded instead of one-hot encoded
 * @param minLevelCount levels seen fewer times in training are pooled into "(other)"
 * @param frequencyEncoding also give target-encoded columns a frequency column
 * @param targetEncodingFolds folds of the out-of-fold target encoding of training rows
 * @param smoothing pseudo-count of the prior in target encoding
 * @param seed seed of the target-encoding folds
 * @param splineKnots knots of a restricted cubic spline for numeric columns with many
 * values (at least 3; 0 for a straight line only)
 */
public record PipelineOptions(boolean impute, boolean referenceLevel, int maxOneHotLevels, int minLevelCount,
		boolean frequencyEncoding, int targetEncodingFolds, double smoothing, long seed, int splineKnots) {

	/**
	 * The encoding for linear models: imputation, a reference level, target encoding
	 * beyond 20 levels.
	 * @param seed the seed
	 * @return the options
	 */
	public static PipelineOptions forLinearModels(long seed) {
		return new PipelineOptions(true, true, 20, 10, false, 5, 20, seed, 0);
	}

	/**
	 * The encoding for linear models with smooth non-linear effects of numbers: as
	 * {@link #forLinearModels(long)}, with a four-knot restricted cubic spline of every
	 * numeric column that has more than ten distinct values.
	 * @param seed the seed
	 * @return the options
	 */
	public static PipelineOptions forSplineModels(long seed) {
		return new PipelineOptions(true, true, 20, 10, false, 5, 20, seed, 4);
	}

	/**
	 * The encoding for trees: missing values kept, every level its own column, target and
	 * frequency encoding beyond 20 levels.
	 * @param seed the seed
	 * @return the options
	 */
	public static PipelineOptions forTrees(long seed) {
		return new PipelineOptions(false, false, 20, 10, true, 5, 20, seed, 0);
	}

}
