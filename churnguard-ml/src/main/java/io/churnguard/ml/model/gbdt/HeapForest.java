package io.churnguard.ml.model.gbdt;

import java.util.List;

/**
 * Trees laid out as complete binary trees in heap order (children of node i at 2i+1 and
 * 2i+2), shorter branches padded with splits that always go left, so a row descends a
 * tree in exactly {@code depth} branch-free steps. Several rows descend together so the
 * processor overlaps their memory loads. Used for trees up to {@value #MAX_DEPTH} deep;
 * deeper trees keep XGBoost's own layout.
 */
final class HeapForest {

	static final int MAX_DEPTH = 10;

	/**
	 * Per tree: split feature per internal node, the sign bit set when missing goes left.
	 */
	private final int[][] feature;

	private final float[][] threshold;

	private final float[][] leaf;

	private final int[] depth;

	private HeapForest(int[][] feature, float[][] threshold, float[][] leaf, int[] depth) {
		this.feature = feature;
		this.threshold = threshold;
		this.leaf = leaf;
		this.depth = depth;
	}

	/**
	 * The heap layout of trees, or null when one is deeper than {@value #MAX_DEPTH}.
	 * @param trees the trees
	 * @return the layout or null
	 */
	static HeapForest of(List<TreeEnsemble.Tree> trees) {
		int n = trees.size();
		int[][] feature = new int[n][];
		float[][] threshold = new float[n][];
		float[][] leaf = new float[n][];
		int[] depth = new int[n];
		for (int i = 0; i < n; i++) {
			TreeEnsemble.Tree t = trees.get(i);
			int d = depthOf(t, 0);
			if (d > MAX_DEPTH) {
				return null;
			}
			depth[i] = d;
			int internal = (1 << d) - 1;
			feature[i] = new int[internal];
			threshold[i] = new float[internal];
			leaf[i] = new float[1 << d];
			fill(t, 0, 0, 0, d, feature[i], threshold[i], leaf[i]);
		}
		return new HeapForest(feature, threshold, leaf, depth);
	}

	private static int depthOf(TreeEnsemble.Tree t, int node) {
		if (t.isLeaf(node)) {
			return 0;
		}
		return 1 + Math.max(depthOf(t, t.left()[node]), depthOf(t, t.right()[node]));
	}

	private static void fill(TreeEnsemble.Tree t, int node, int heap, int level, int d, int[] feature,
			float[] threshold, float[] leaf) {
		if (level == d) {
			leaf[heap - feature.length] = (float) t.leafValue(node);
			return;
		}
		if (t.isLeaf(node)) {
			// Padding: +∞ sends every number left, and missing values go left too.
			feature[heap] = Integer.MIN_VALUE;
			threshold[heap] = Float.POSITIVE_INFINITY;
			fill(t, node, 2 * heap + 1, level + 1, d, feature, threshold, leaf);
			fill(t, node, 2 * heap + 2, level + 1, d, feature, threshold, leaf);
			return;
		}
		feature[heap] = t.feature()[node] | (t.defaultLeft()[node] ? Integer.MIN_VALUE : 0);
		threshold[heap] = t.threshold()[node];
		fill(t, t.left()[node], 2 * heap + 1, level + 1, d, feature, threshold, leaf);
		fill(t, t.right()[node], 2 * heap + 2, level + 1, d, feature, threshold, leaf);
	}

	/**
	 * Adds every tree's leaf value to the margins of rows {@code from} to {@code to}.
	 * @param data row-major values
	 * @param p values per row
	 * @param from the first row
	 * @param to one past the last row
	 * @param out the margins
	 */
	void add(float[] data, int p, int from, int to, double[] out) {
		for (int t = 0; t < this.feature.length; t++) {
			int[] f = this.feature[t];
			float[] thr = this.threshold[t];
			float[] lv = this.leaf[t];
			int d = this.depth[t];
			int internal = f.length;
			int r = from;
			for (; r + 4 <= to; r += 4) {
				int o0 = r * p;
				int o1 = o0 + p;
				int o2 = o1 + p;
				int o3 = o2 + p;
				int i0 = 0;
				int i1 = 0;
				int i2 = 0;
				int i3 = 0;
				for (int level = 0; level < d; level++) {
					i0 = step(data, o0, f, thr, i0);
					i1 = step(data, o1, f, thr, i1);
					i2 = step(data, o2, f, thr, i2);
					i3 = step(data, o3, f, thr, i3);
				}
				out[r] += lv[i0 - internal];
				out[r + 1] += lv[i1 - internal];
				out[r + 2] += lv[i2 - internal];
				out[r + 3] += lv[i3 - internal];
			}
			for (; r < to; r++) {
				int i = 0;
				for (int level = 0; level < d; level++) {
					i = step(data, r * p, f, thr, i);
				}
				out[r] += lv[i - internal];
			}
		}
	}

	private static int step(float[] data, int offset, int[] f, float[] thr, int i) {
		int fi = f[i];
		float x = data[offset + (fi & Integer.MAX_VALUE)];
		// Right when not below the threshold, unless missing and missing goes left.
		boolean right = !(x < thr[i]) & !((x != x) & (fi < 0));
		return 2 * i + (right ? 2 : 1);
	}

}
