package io.churnguard.ml.explain;

import java.util.List;

/**
 * Additive explanations of margins (log-odds) by source column: for every row, a bias and
 * one contribution per source column, which add up to the row's margin.
 *
 * @param sources the source columns
 * @param contributions {@code rows × sources} values, row-major
 * @param bias per row, the part of the margin no column explains
 */
public record Explanation(List<String> sources, double[] contributions, double[] bias) {

	/** The number of rows. */
	public int rows() {
		return this.bias.length;
	}

	/**
	 * One contribution.
	 * @param row the row
	 * @param source the index of the source column
	 * @return the contribution to the log-odds of churn
	 */
	public double get(int row, int source) {
		return this.contributions[row * this.sources.size() + source];
	}

	/**
	 * Aggregates design-column contributions into source-column contributions.
	 * @param design {@code rows × (designColumns + 1)} values, the bias last in each row
	 * @param sourceOf the source of each design column
	 * @param sources the source names
	 * @param rows the number of rows
	 * @return the explanation
	 */
	public static Explanation ofDesign(double[] design, int[] sourceOf, List<String> sources, int rows) {
		int p = sourceOf.length;
		int s = sources.size();
		double[] out = new double[rows * s];
		double[] bias = new double[rows];
		for (int r = 0; r < rows; r++) {
			int base = r * (p + 1);
			for (int j = 0; j < p; j++) {
				out[r * s + sourceOf[j]] += design[base + j];
			}
			bias[r] = design[base + p];
		}
		return new Explanation(sources, out, bias);
	}

	/**
	 * The weighted sum of explanations over the same sources (a blend on the logit
	 * scale).
	 * @param parts the explanations
	 * @param weights their weights
	 * @return the combined explanation
	 */
	public static Explanation weighted(List<Explanation> parts, double[] weights) {
		Explanation first = parts.get(0);
		List<String> sources = first.sources();
		int rows = first.rows();
		double[] out = new double[first.contributions().length];
		double[] bias = new double[rows];
		for (int k = 0; k < parts.size(); k++) {
			Explanation e = parts.get(k);
			if (!e.sources().equals(sources)) {
				throw new IllegalArgumentException("Blended models must read the same source columns");
			}
			for (int i = 0; i < out.length; i++) {
				out[i] += weights[k] * e.contributions()[i];
			}
			for (int r = 0; r < rows; r++) {
				bias[r] += weights[k] * e.bias()[r];
			}
		}
		return new Explanation(sources, out, bias);
	}

	/**
	 * Global importance: the mean absolute contribution of each source, normalised to sum
	 * to one.
	 * @return the importance per source, in source order
	 */
	public double[] importance() {
		int s = this.sources.size();
		double[] imp = new double[s];
		for (int r = 0; r < rows(); r++) {
			for (int j = 0; j < s; j++) {
				imp[j] += Math.abs(get(r, j));
			}
		}
		double total = 0;
		for (double v : imp) {
			total += v;
		}
		for (int j = 0; j < s; j++) {
			imp[j] = (total > 0) ? imp[j] / total : 0;
		}
		return imp;
	}

}
