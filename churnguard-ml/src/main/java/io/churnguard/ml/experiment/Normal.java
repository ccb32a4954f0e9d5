package io.churnguard.ml.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * The standard normal quantities the experiment statistics need.
 */
final class Normal {

	private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

	private Normal() {
	}

	/** The quantile {@code z} with {@code P(Z <= z) = p}. */
	static double quantile(double p) {
		return STANDARD.inverseCumulativeProbability(p);
	}

	/**
	 * {@code P(|Z| >= |z|)}; erfc keeps precision in the far tail where 1 - cdf would
	 * not.
	 */
	static double twoSidedTail(double z) {
		return Erf.erfc(Math.abs(z) / Math.sqrt(2));
	}

}
