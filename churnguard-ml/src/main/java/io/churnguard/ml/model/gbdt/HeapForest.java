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

	/** Per tree: thresholds as order-preserving ints, see {@link #sortable(float)}. */
	private final int[][] threshold;

	private final float[][] leaf;

	private final int[] depth;

	private HeapForest(int[][] feature, int[][] threshold, float[][] leaf, int[] depth) {
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
		int[][] threshold = new int[n][];
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
			threshold[i] = new int[internal];
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

	private static void fill(TreeEnsemble.Tree t, int node, int heap, int level, int d, int[] feature, int[] threshold,
			float[] leaf) {
		if (level == d) {
			leaf[heap - feature.length] = (float) t.leafValue(node);
			return;
		}
		if (t.isLeaf(node)) {
			// Padding: +∞ sends every number left, and missing values go left too.
			feature[heap] = Integer.MIN_VALUE;
			threshold[heap] = sortable(Float.POSITIVE_INFINITY);
			fill(t, node, 2 * heap + 1, level + 1, d, feature, threshold, leaf);
			fill(t, node, 2 * heap + 2, level + 1, d, feature, threshold, leaf);
			return;
		}
		feature[heap] = t.feature()[node] | (t.defaultLeft()[node] ? Integer.MIN_VALUE : 0);
		threshold[heap] = sortable(t.threshold()[node]);
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
			int[] thr = this.threshold[t];
			float[] lv = this.leaf[t];
			int d = this.depth[t];
			int internal = f.length;
			int r = from;
			for (; r + 8 <= to; r += 8) {
				int o0 = r * p;
				int o1 = o0 + p;
				int o2 = o1 + p;
				int o3 = o2 + p;
				int o4 = o3 + p;
				int o5 = o4 + p;
				int o6 = o5 + p;
				int o7 = o6 + p;
				int i0 = 0;
				int i1 = 0;
				int i2 = 0;
				int i3 = 0;
				int i4 = 0;
				int i5 = 0;
				int i6 = 0;
				int i7 = 0;
				for (int level = 0; level < d; level++) {
					i0 = step(data, o0, f, thr, i0);
					i1 = step(data, o1, f, thr, i1);
					i2 = step(data, o2, f, thr, i2);
					i3 = step(data, o3, f, thr, i3);
					i4 = step(data, o4, f, thr, i4);
					i5 = step(data, o5, f, thr, i5);
					i6 = step(data, o6, f, thr, i6);
					i7 = step(data, o7, f, thr, i7);
				}
				out[r] += lv[i0 - internal];
				out[r + 1] += lv[i1 - internal];
				out[r + 2] += lv[i2 - internal];
				out[r + 3] += lv[i3 - internal];
				out[r + 4] += lv[i4 - internal];
				out[r + 5] += lv[i5 - internal];
				out[r + 6] += lv[i6 - internal];
				out[r + 7] += lv[i7 - internal];
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

	/**
	 * One level down: to the right child when the value is not below the threshold, or
	 * when it is missing and missing goes right. Written without branches, whose outcome
	 * on real data is a coin toss the processor cannot predict.
	 */
	static int step(float[] data, int offset, int[] f, int[] thr, int i) {
		int fi = f[i];
		int bits = Float.floatToRawIntBits(data[offset + (fi & Integer.MAX_VALUE)] + 0.0f);
		int below = (int) (((long) order(bits) - thr[i]) >>> 63);
		int missing = (0x7F800000 - (bits & Integer.MAX_VALUE)) >>> 31;
		int right = ((1 - below) & (missing ^ 1)) | (missing & ((fi >>> 31) ^ 1));
		return 2 * i + 1 + right;
	}

	/**
	 * A float as an int that orders like the float (NaN above everything); -0 is made +0
	 * first, as float comparison treats them alike.
	 * @param v the float
	 * @return the ordered int
	 */
	static int sortable(float v) {
		return order(Float.floatToRawIntBits(v + 0.0f));
	}

	private static int order(int bits) {
		return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
	}

}
