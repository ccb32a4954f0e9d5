package io.churnguard.ml.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.explain.Explanation;
import io.churnguard.ml.model.lr.LogisticRegressionFit;

/**
 * A logistic regression with its encoding pipeline. A column's contribution to a margin
 * is its coefficient times the row's deviation from the training mean, so contributions
 * are zero for an average customer and add up to the margin with the bias.
 *
 * @param pipeline the encoding
 * @param fit the coefficients and their statistics
 * @param means the training mean of every design column
 */
public record LogisticModel(FeaturePipeline pipeline, LogisticRegressionFit fit, double[] means) implements ChurnModel {

	@Override
	public Algorithm algorithm() {
		return Algorithm.LR;
	}

	@Override
	@JsonIgnore
	public List<String> sources() {
		return this.pipeline.inputs().stream().map((s) -> s.name()).toList();
	}

	@Override
	@JsonIgnore
	public int designColumns() {
		return this.means.length;
	}

	@Override
	public double[] margins(Frame frame) {
		DesignMatrix x = this.pipeline.transform(frame);
		double[] b = this.fit.estimates();
		int p = x.columns();
		double[] out = new double[x.rows()];
		float[] d = x.data();
		for (int r = 0; r < out.length; r++) {
			double eta = b[0];
			for (int j = 0; j < p; j++) {
				eta += b[j + 1] * d[r * p + j];
			}
			out[r] = eta;
		}
		return out;
	}

	@Override
	public Explanation explain(Frame frame) {
		DesignMatrix x = this.pipeline.transform(frame);
		double[] b = this.fit.estimates();
		int p = x.columns();
		int n = x.rows();
		double bias = b[0];
		for (int j = 0; j < p; j++) {
			bias += b[j + 1] * this.means[j];
		}
		double[] design = new double[n * (p + 1)];
		float[] d = x.data();
		for (int r = 0; r < n; r++) {
			for (int j = 0; j < p; j++) {
				design[r * (p + 1) + j] = b[j + 1] * (d[r * p + j] - this.means[j]);
			}
			design[r * (p + 1) + p] = bias;
		}
		return Explanation.ofDesign(design, x.sourceOf(), x.sources(), n);
	}

	@Override
	public Map<String, byte[]> files() {
		return Map.of();
	}

	/**
	 * The training means of a design matrix's columns.
	 * @param x the design matrix
	 * @return the means
	 */
	static double[] columnMeans(DesignMatrix x) {
		int p = x.columns();
		double[] m = new double[p];
		float[] d = x.data();
		for (int r = 0; r < x.rows(); r++) {
			for (int j = 0; j < p; j++) {
				m[j] += d[r * p + j];
			}
		}
		for (int j = 0; j < p; j++) {
			m[j] /= Math.max(1, x.rows());
		}
		return m;
	}

}
