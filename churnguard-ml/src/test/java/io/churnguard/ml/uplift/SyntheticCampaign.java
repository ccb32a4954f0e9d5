package io.churnguard.ml.uplift;

import java.util.SplittableRandom;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;

/**
 * A randomized campaign with a known effect: risk rises with {@code usage_drop};
 * customers with {@code price_sensitive} above 0.5 are persuadable (the discount removes
 * 60 % of their risk), customers with {@code tenure_years} above 8 are sleeping dogs
 * (contact raises their risk by half); the rest do not react. {@code noise} is unrelated
 * to anything.
 */
final class SyntheticCampaign {

	final Frame features;

	final boolean[] treated;

	final int[] churned;

	/** The true drop of each customer's churn probability under the action. */
	final double[] trueUplift;

	/** Each customer's churn probability without the action. */
	final double[] risk;

	SyntheticCampaign(int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] usageDrop = new double[n];
		double[] priceSensitive = new double[n];
		double[] tenure = new double[n];
		double[] noise = new double[n];
		this.treated = new boolean[n];
		this.churned = new int[n];
		this.trueUplift = new double[n];
		this.risk = new double[n];
		for (int i = 0; i < n; i++) {
			usageDrop[i] = random.nextDouble();
			priceSensitive[i] = random.nextDouble();
			tenure[i] = 10 * random.nextDouble();
			noise[i] = random.nextGaussian();
			double p0 = 1 / (1 + Math.exp(-(-2.5 + 2.5 * usageDrop[i])));
			double p1 = p0;
			if (priceSensitive[i] > 0.5) {
				p1 = 0.4 * p0;
			}
			else if (tenure[i] > 8) {
				p1 = Math.min(1, 1.5 * p0);
			}
			this.risk[i] = p0;
			this.trueUplift[i] = p0 - p1;
			this.treated[i] = random.nextBoolean();
			this.churned[i] = (random.nextDouble() < (this.treated[i] ? p1 : p0)) ? 1 : 0;
		}
		this.features = Frame.of(NumericColumn.of("usage_drop", usageDrop),
				NumericColumn.of("price_sensitive", priceSensitive), NumericColumn.of("tenure_years", tenure),
				NumericColumn.of("noise", noise));
	}

	UpliftSample sample() {
		return new UpliftSample(this.features, this.treated, this.churned);
	}

}
