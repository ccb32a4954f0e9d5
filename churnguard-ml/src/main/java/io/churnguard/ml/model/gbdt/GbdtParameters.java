package io.churnguard.ml.model.gbdt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one XGBoost training run.
 *
 * @param maxDepth the maximum tree depth
 * @param eta the learning rate
 * @param rounds the number of rounds, or the maximum with early stopping
 * @param minChildWeight the minimum hessian sum in a leaf
 * @param subsample the share of rows sampled per tree
 * @param colsampleByTree the share of columns sampled per tree
 * @param lambda the L2 penalty on leaf weights
 * @param gamma the minimum loss reduction of a split
 * @param earlyStoppingRounds rounds without improvement of the validation log loss before
 * stopping; 0 trains exactly {@code rounds} rounds
 * @param validationFraction the share of training rows held out for early stopping
 * @param threads the number of threads, 0 for all cores
 * @param seed the seed
 * @param bags the number of boosters trained with different seeds and averaged (bagging
 * lowers the variance of small-data models); 1 for a single booster
 */
public record GbdtParameters(int maxDepth, double eta, int rounds, double minChildWeight, double subsample,
		double colsampleByTree, double lambda, double gamma, int earlyStoppingRounds, double validationFraction,
		int threads, long seed, int bags) {

	/**
	 * Fixed parameters without early stopping, as a plain XGBoost run would use.
	 * @param rounds the number of rounds
	 * @param maxDepth the maximum depth
	 * @param eta the learning rate
	 * @param seed the seed
	 * @return the parameters
	 */
	public static GbdtParameters fixed(int rounds, int maxDepth, double eta, long seed) {
		return new GbdtParameters(maxDepth, eta, rounds, 1, 1, 1, 1, 0, 0, 0, 0, seed, 1);
	}

	/**
	 * This configuration with another seed.
	 * @param newSeed the seed
	 * @return the parameters
	 */
	public GbdtParameters withSeed(long newSeed) {
		return new GbdtParameters(this.maxDepth, this.eta, this.rounds, this.minChildWeight, this.subsample,
				this.colsampleByTree, this.lambda, this.gamma, this.earlyStoppingRounds, this.validationFraction,
				this.threads, newSeed, this.bags);
	}

	/**
	 * This configuration with a fixed number of rounds and no early stopping.
	 * @param n the number of rounds
	 * @return the parameters
	 */
	public GbdtParameters withRounds(int n) {
		return new GbdtParameters(this.maxDepth, this.eta, n, this.minChildWeight, this.subsample, this.colsampleByTree,
				this.lambda, this.gamma, 0, 0, this.threads, this.seed, this.bags);
	}

	/**
	 * This configuration with another number of bags.
	 * @param n the number of boosters averaged
	 * @return the parameters
	 */
	public GbdtParameters withBags(int n) {
		return new GbdtParameters(this.maxDepth, this.eta, this.rounds, this.minChildWeight, this.subsample,
				this.colsampleByTree, this.lambda, this.gamma, this.earlyStoppingRounds, this.validationFraction,
				this.threads, this.seed, n);
	}

	/** The XGBoost parameter map. */
	public Map<String, Object> toXgboost() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("objective", "binary:logistic");
		p.put("eval_metric", "logloss");
		p.put("tree_method", "hist");
		p.put("max_bin", 256);
		p.put("max_depth", this.maxDepth);
		p.put("eta", this.eta);
		p.put("min_child_weight", this.minChildWeight);
		p.put("subsample", this.subsample);
		p.put("colsample_bytree", this.colsampleByTree);
		p.put("lambda", this.lambda);
		p.put("gamma", this.gamma);
		p.put("seed", this.seed);
		p.put("verbosity", 0);
		// Read by XGBoost4J itself: without it, evaluation lines go to stdout, where the
		// CLI
		// prints its JSON.
		p.put("verbose_eval", "false");
		if (this.threads > 0) {
			p.put("nthread", this.threads);
		}
		return p;
	}

}
