package io.churnguard.ml.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps raw scores to calibrated probabilities, fitted on scores the model did not train
 * on (out-of-fold or validation scores). Stored as JSON with the model.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({ @JsonSubTypes.Type(value = Calibrator.Platt.class, name = "platt"),
		@JsonSubTypes.Type(value = Calibrator.Isotonic.class, name = "isotonic") })
public sealed interface Calibrator permits Calibrator.Platt, Calibrator.Isotonic {

	/**
	 * The calibrated probability of a raw score.
	 * @param p the raw probability
	 * @return the calibrated probability
	 */
	double apply(double p);

	/**
	 * Platt scaling: a logistic regression of the outcome on the logit of the score.
	 * @param y outcomes
	 * @param p raw scores
	 * @return the calibrator
	 */
	static Platt platt(int[] y, double[] p) {
		double[] x = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			x[i] = logit(p[i]);
		}
		double a = 1;
		double b = 0;
		double ll = logLikelihood(y, x, a, b);
		for (int it = 0; it < 100; it++) {
			double g0 = 0;
			double g1 = 0;
			double h00 = 1e-9;
			double h01 = 0;
			double h11 = 1e-9;
			for (int i = 0; i < y.length; i++) {
				double q = 1 / (1 + Math.exp(-(a * x[i] + b)));
				double w = q * (1 - q);
				g0 += (y[i] - q) * x[i];
				g1 += y[i] - q;
				h00 += w * x[i] * x[i];
				h01 += w * x[i];
				h11 += w;
			}
			double det = h00 * h11 - h01 * h01;
			double da = (h11 * g0 - h01 * g1) / det;
			double db = (h00 * g1 - h01 * g0) / det;
			// Newton overshoots from overconfident starting points: halve until the
			// likelihood improves.
			double step = 1;
			double next = logLikelihood(y, x, a + da, b + db);
			while (next < ll && step > 1e-6) {
				step /= 2;
				next = logLikelihood(y, x, a + step * da, b + step * db);
			}
			a += step * da;
			b += step * db;
			boolean done = Math.abs(next - ll) < 1e-10 * (1 + Math.abs(ll));
			ll = next;
			if (done) {
				break;
			}
		}
		return new Platt(a, b);
	}

	private static double logLikelihood(int[] y, double[] x, double a, double b) {
		double ll = 0;
		for (int i = 0; i < y.length; i++) {
			double s = (y[i] == 1) ? a * x[i] + b : -(a * x[i] + b);
			ll -= (s > 0) ? Math.log1p(Math.exp(-s)) : -s + Math.log1p(Math.exp(s));
		}
		return ll;
	}

	/**
	 * Isotonic regression by pool-adjacent-violators: the best non-decreasing step
	 * function of the score.
	 * @param y outcomes
	 * @param p raw scores
	 * @return the calibrator
	 */
	static Isotonic isotonic(int[] y, double[] p) {
		Integer[] order = new Integer[p.length];
		for (int i = 0; i < p.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (i, j) -> Double.compare(p[i], p[j]));
		List<double[]> blocks = new ArrayList<>();
		for (int idx : order) {
			blocks.add(new double[] { y[idx], 1, p[idx], p[idx] });
			while (blocks.size() > 1) {
				double[] last = blocks.get(blocks.size() - 1);
				double[] prev = blocks.get(blocks.size() - 2);
				if (prev[0] / prev[1] <= last[0] / last[1]) {
					break;
				}
				prev[0] += last[0];
				prev[1] += last[1];
				prev[3] = last[3];
				blocks.remove(blocks.size() - 1);
			}
		}
		double[] upper = new double[blocks.size()];
		double[] value = new double[blocks.size()];
		for (int i = 0; i < blocks.size(); i++) {
			upper[i] = blocks.get(i)[3];
			value[i] = Math.min(Math.max(blocks.get(i)[0] / blocks.get(i)[1], 1e-6), 1 - 1e-6);
		}
		return new Isotonic(upper, value);
	}

	private static double logit(double p) {
		double q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
		return Math.log(q / (1 - q));
	}

	/**
	 * Platt scaling, {@code sigmoid(slope * logit(p) + intercept)}.
	 *
	 * @param slope the slope
	 * @param intercept the intercept
	 */
	record Platt(double slope, double intercept) implements Calibrator {

		@Override
		public double apply(double p) {
			return 1 / (1 + Math.exp(-(this.slope * logit(p) + this.intercept)));
		}

	}

	/**
	 * A non-decreasing step function.
	 *
	 * @param upper the highest raw score of each step
	 * @param value the calibrated probability of each step
	 */
	record Isotonic(double[] upper, double[] value) implements Calibrator {

		@Override
		public double apply(double p) {
			int i = Arrays.binarySearch(this.upper, p);
			if (i < 0) {
				i = Math.min(-i - 1, this.upper.length - 1);
			}
			return this.value[i];
		}

	}

}
