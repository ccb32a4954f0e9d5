package io.churnguard.ml.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.model.gbdt.TreeEnsemble;

/**
 * Exact path-dependent TreeSHAP values of a tree ensemble, the same values as XGBoost's
 * {@code predictContrib}, computed in time linear in the number of leaves per row.
 *
 * <p>
 * For a leaf whose root path uses the distinct features U (d of them), the SHAP value of
 * feature i ∈ U is v·(o_i − z_i)·Σ_{S⊆U∖{i}} |S|!(d−|S|−1)!/d! ·Π_{j∈S} o_j ·Π_{j∉S,j≠i}
 * z_j, where z_j is the share of training cover that follows the path at the splits on j
 * and o_j ∈ {0, 1} says whether the row follows all of them. Since o is 0 or 1, a leaf's
 * contribution depends on the row only through the set H of path features it follows: 2^d
 * cases, precomputed once per leaf (the idea of "Fast TreeSHAP v2", Yang 2021).
 * Explaining a row then walks each tree once, carrying the set of features whose split it
 * did not follow, and adds d precomputed numbers per leaf. Paths with more than
 * {@value #MAX_TABLE_DEPTH} distinct features are computed on the fly with the same
 * formula.
 */
public final class TreeShap {

	static final int MAX_TABLE_DEPTH = 10;

	private final TreeEnsemble ensemble;

	private final List<Prepared> trees;

	private final int features;

	private final double expectedMargin;

	/**
	 * Prepares an ensemble for explanation.
	 * @param ensemble the trees
	 */
	public TreeShap(TreeEnsemble ensemble) {
		this.ensemble = ensemble;
		this.features = ensemble.features();
		this.trees = new ArrayList<>();
		double expected = ensemble.baseMargin();
		for (TreeEnsemble.Tree t : ensemble.trees()) {
			Prepared p = new Prepared(t);
			this.trees.add(p);
			expected += p.expectedValue;
		}
		this.expectedMargin = expected;
	}

	/** The margin of an average training row: the bias of every explanation. */
	public double expectedMargin() {
		return this.expectedMargin;
	}

	/**
	 * The SHAP values of one row on the margin (log-odds) scale.
	 * @param data row-major values
	 * @param offset the index of the row's first value
	 * @param phi receives one value per feature, then the bias; must be zeroed
	 */
	public void explain(float[] data, int offset, double[] phi) {
		for (Prepared t : this.trees) {
			t.explain(data, offset, phi);
		}
		phi[this.features] += this.expectedMargin;
	}

	/**
	 * The SHAP values of every row, in parallel over row blocks.
	 * @param matrix the design matrix
	 * @return {@code rows × (columns + 1)} values, row-major, the bias last in each row
	 */
	public double[] explain(DesignMatrix matrix) {
		int n = matrix.rows();
		int p = matrix.columns();
		int width = p + 1;
		double[] out = new double[n * width];
		float[] d = matrix.data();
		int block = 1024;
		IntStream.range(0, (n + block - 1) / block).parallel().forEach((b) -> {
			double[] phi = new double[width];
			int end = Math.min(n, (b + 1) * block);
			for (int r = b * block; r < end; r++) {
				java.util.Arrays.fill(phi, 0);
				explain(d, r * p, phi);
				System.arraycopy(phi, 0, out, r * width, width);
			}
		});
		return out;
	}

	/** The ensemble explained. */
	public TreeEnsemble ensemble() {
		return this.ensemble;
	}

	/** One tree with its per-leaf tables. */
	private static final class Prepared {

		private final TreeEnsemble.Tree tree;

		/**
		 * Per node: the position of its split feature among the distinct features above
		 * it.
		 */
		private final int[] position;

		/** Per leaf node: the distinct path features by position. */
		private final int[][] pathFeatures;

		/** Per leaf node: the zero fractions by position. */
		private final double[][] zero;

		/** Per leaf node: 2^d × d contributions, or null when computed on the fly. */
		private final double[][] table;

		private final double expectedValue;

		private final int[] stackNode;

		Prepared(TreeEnsemble.Tree tree) {
			this.tree = tree;
			int n = tree.left().length;
			this.position = new int[n];
			this.pathFeatures = new int[n][];
			this.zero = new double[n][];
			this.table = new double[n][];
			this.stackNode = null;
			this.expectedValue = prepare(0, new int[0], new double[0], 1.0);
		}

		/**
		 * Walks the tree, fixing positions and building leaf tables; returns E[f] below.
		 */
		private double prepare(int node, int[] feats, double[] zs, double reach) {
			TreeEnsemble.Tree t = this.tree;
			if (t.isLeaf(node)) {
				this.pathFeatures[node] = feats;
				this.zero[node] = zs;
				if (feats.length <= MAX_TABLE_DEPTH) {
					int d = feats.length;
					double[] tab = new double[(1 << d) * d];
					for (int h = 0; h < (1 << d); h++) {
						leafContributions(t.leafValue(node), zs, h, tab, h * d);
					}
					this.table[node] = tab;
				}
				return reach * t.leafValue(node);
			}
			int f = t.feature()[node];
			int pos = -1;
			for (int k = 0; k < feats.length; k++) {
				if (feats[k] == f) {
					pos = k;
				}
			}
			int[] childFeats = feats;
			double[] childZ = zs;
			if (pos < 0) {
				pos = feats.length;
				childFeats = java.util.Arrays.copyOf(feats, feats.length + 1);
				childFeats[pos] = f;
				childZ = java.util.Arrays.copyOf(zs, zs.length + 1);
				childZ[pos] = 1;
			}
			this.position[node] = pos;
			double cover = t.cover()[node];
			double e = 0;
			for (int child : new int[] { t.left()[node], t.right()[node] }) {
				double share = t.cover()[child] / cover;
				double[] z = childZ.clone();
				z[pos] *= share;
				e += prepare(child, childFeats, z, reach * share);
			}
			return e;
		}

		/**
		 * The contributions of a leaf for one set H of followed path features.
		 * @param v the leaf value
		 * @param z the zero fractions by position
		 * @param hot the bit set H
		 * @param out receives d values
		 * @param at where to write them
		 */
		static void leafContributions(double v, double[] z, int hot, double[] out, int at) {
			int d = z.length;
			for (int i = 0; i < d; i++) {
				double oi = ((hot >> i) & 1);
				// Elementary symmetric polynomials: e[m] sums, over subsets T of the
				// followed
				// features other than i with |T| = m, the product of z over T. A subset S
				// of
				// followed features contributes w(|S|) times the product of z over every
				// other feature, which splits into z over (H minus S minus i) times z
				// over the
				// features not followed.
				double cold = 1;
				double[] e = new double[d + 1];
				e[0] = 1;
				int hotCount = 0;
				for (int j = 0; j < d; j++) {
					if (j == i) {
						continue;
					}
					if (((hot >> j) & 1) == 1) {
						hotCount++;
						for (int m = hotCount; m >= 1; m--) {
							e[m] += e[m - 1] * z[j];
						}
					}
					else {
						cold *= z[j];
					}
				}
				// S of size s ⊆ followed: the followed features outside S give z over H'
				// \ S,
				// i.e. the polynomial of degree hotCount - s.
				double sum = 0;
				for (int s = 0; s <= hotCount; s++) {
					sum += weight(s, d) * e[hotCount - s];
				}
				out[at + i] = v * (oi - z[i]) * sum * cold;
			}
		}

		private static double weight(int s, int d) {
			// s! (d - s - 1)! / d!
			double w = 1.0 / d;
			for (int k = 1; k <= s; k++) {
				w *= (double) k / (d - k);
			}
			return w;
		}

		void explain(float[] data, int offset, double[] phi) {
			TreeEnsemble.Tree t = this.tree;
			int[] left = t.left();
			int[] right = t.right();
			int[] feature = t.feature();
			int[] stack = new int[64];
			int[] coldStack = new int[64];
			int sp = 0;
			stack[sp] = 0;
			coldStack[sp++] = 0;
			while (sp > 0) {
				int node = stack[--sp];
				int cold = coldStack[sp];
				if (left[node] < 0) {
					int[] feats = this.pathFeatures[node];
					int d = feats.length;
					if (d == 0) {
						continue;
					}
					int hot = ((1 << d) - 1) & ~cold;
					double[] tab = this.table[node];
					if (tab != null) {
						int base = hot * d;
						for (int k = 0; k < d; k++) {
							phi[feats[k]] += tab[base + k];
						}
					}
					else {
						double[] tmp = new double[d];
						leafContributions(t.leafValue(node), this.zero[node], hot, tmp, 0);
						for (int k = 0; k < d; k++) {
							phi[feats[k]] += tmp[k];
						}
					}
					continue;
				}
				int next = t.next(node, data[offset + feature[node]]);
				int other = (next == left[node]) ? right[node] : left[node];
				if (sp + 2 > stack.length) {
					stack = java.util.Arrays.copyOf(stack, stack.length * 2);
					coldStack = java.util.Arrays.copyOf(coldStack, coldStack.length * 2);
				}
				stack[sp] = other;
				coldStack[sp++] = cold | (1 << this.position[node]);
				stack[sp] = next;
				coldStack[sp++] = cold;
			}
		}

	}

}
