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
 * cases, precomputed once per leaf (the idea of "Fast TreeSHAP v2", Yang 2021). Sibling
 * leaves share their path features, so one table serves both; in trees walked in heap
 * order, one table serves the eight leaves under each node three levels above them (four
 * leaves two levels above in trees deeper than {@value #MAX_GROUP_DEPTH}), indexed by the
 * row's directions at the group's splits. Explaining a row walks each tree once — level
 * by level in heap order for trees up to {@value #MAX_HEAP_DEPTH} deep, depth first
 * beyond — carrying the set of features whose split it did not follow, and adds one table
 * row per group of leaves (per pair when walked depth first). Rows go in blocks, tree by
 * tree, so a tree's tables stay in the processor cache. Paths with more than
 * {@value #MAX_TABLE_DEPTH} distinct features are computed on the fly with the same
 * formula.
 */
public final class TreeShap {

	static final int MAX_TABLE_DEPTH = 6;

	/** The deepest tree walked in heap layout; deeper trees are walked depth first. */
	static final int MAX_HEAP_DEPTH = 8;

	/** The deepest tree whose tables group eight leaves; deeper ones group four. */
	static final int MAX_GROUP_DEPTH = 6;

	private final TreeEnsemble ensemble;

	private final List<Prepared> trees;

	private final int features;

	private final double expectedMargin;

	/**
	 * Scratch stack size of the depth-first walk: two entries per level of the deepest
	 * tree.
	 */
	private final int stackSize;

	/**
	 * Prepares an ensemble for explanation.
	 * @param ensemble the trees
	 */
	public TreeShap(TreeEnsemble ensemble) {
		this.ensemble = ensemble;
		this.features = ensemble.features();
		this.trees = new ArrayList<>();
		double expected = ensemble.baseMargin();
		int depth = 0;
		for (TreeEnsemble.Tree t : ensemble.trees()) {
			Prepared p = new Prepared(t);
			this.trees.add(p);
			expected += p.expectedValue;
			depth = Math.max(depth, p.depth);
		}
		this.expectedMargin = expected;
		this.stackSize = Math.max(2 * depth + 4, 1 << Math.min(depth, MAX_HEAP_DEPTH));
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
		int[] stack = new int[this.stackSize];
		int[] cold = new int[this.stackSize];
		for (Prepared t : this.trees) {
			t.explain(data, offset, phi, 0, stack, cold);
		}
		phi[this.features] += this.expectedMargin;
	}

	/**
	 * The SHAP values of every row. Rows go in blocks, tree by tree within a block, so a
	 * tree's leaf tables stay in the CPU cache while the block's rows pass through it.
	 * @param matrix the design matrix
	 * @return {@code rows × (columns + 1)} values, row-major, the bias last in each row
	 */
	public double[] explain(DesignMatrix matrix) {
		int n = matrix.rows();
		int p = matrix.columns();
		int width = p + 1;
		double[] out = new double[n * width];
		float[] d = matrix.data();
		IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach((b) -> {
			int from = b * BLOCK;
			int to = Math.min(n, from + BLOCK);
			int[] stack = new int[this.stackSize];
			int[] cold = new int[this.stackSize];
			for (Prepared t : this.trees) {
				for (int r = from; r < to; r++) {
					t.explain(d, r * p, out, r * width, stack, cold);
				}
			}
			for (int r = from; r < to; r++) {
				out[r * width + p] += this.expectedMargin;
			}
		});
		return out;
	}

	private static final int BLOCK = 1024;

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

		/**
		 * Per leaf node: where its 2^d × d contributions start in {@code table}, or -1.
		 */
		private final int[] tableAt;

		/**
		 * Per split node whose children are both leaves: where its pair table starts in
		 * {@code table}, or -1. Siblings share their path features, so one lookup by the
		 * ancestors' cold set and the row's direction at the node gives both leaves' sum.
		 */
		private final int[] pairAt;

		/** Per leaf, its table while preparing. */
		private final double[][] leafTable;

		/**
		 * All leaves' contributions, leaf after leaf, so that one tree's tables are
		 * contiguous.
		 */
		private float[] table;

		private int tableSize;

		private final double expectedValue;

		private int depth;

		Prepared(TreeEnsemble.Tree tree) {
			this.tree = tree;
			int n = tree.left().length;
			this.position = new int[n];
			this.pathFeatures = new int[n][];
			this.zero = new double[n][];
			this.tableAt = new int[n];
			this.pairAt = new int[n];
			this.leafTable = new double[n][];
			this.table = new float[1024];
			this.expectedValue = prepare(0, new int[0], new double[0], 1.0, 0);
			buildHeap();
			pack();
			this.table = java.util.Arrays.copyOf(this.table, this.tableSize);
		}

		/**
		 * Walks the tree, fixing positions and building leaf tables; returns E[f] below.
		 */
		private double prepare(int node, int[] feats, double[] zs, double reach, int level) {
			TreeEnsemble.Tree t = this.tree;
			if (feats.length > 30) {
				throw new UnsupportedOperationException("TreeSHAP supports paths of at most 30 distinct features");
			}
			if (t.isLeaf(node)) {
				this.depth = Math.max(this.depth, level);
				this.pathFeatures[node] = feats;
				this.zero[node] = zs;
				if (feats.length <= MAX_TABLE_DEPTH) {
					int d = feats.length;
					double[] tab = new double[(1 << d) * d];
					double[] e = new double[d + 1];
					double[] w = weights(d);
					for (int h = 0; h < (1 << d); h++) {
						leafContributions(t.leafValue(node), zs, h, tab, h * d, e, w);
					}
					this.leafTable[node] = tab;
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
				e += prepare(child, childFeats, z, reach * share, level + 1);
			}
			return e;
		}

		/** Heap layout (see {@link #buildHeap()}), or null when walked depth first. */
		private int[] heapFeature;

		private float[] heapThreshold;

		/** Per heap split node: its cold bit, 0 for padding splits. */
		private int[] heapBit;

		/**
		 * Per group (heap node {@link #groupHeight} levels above the leaves): where its
		 * table starts, or -1 when it adds nothing.
		 */
		private int[] groupAt;

		/** Per group: where its features start in {@link #groupFeatures}. */
		private int[] groupFeatureAt;

		/** Per group: how many features its table rows hold. */
		private int[] groupWidth;

		/** The groups' features, group after group. */
		private int[] groupFeatures;

		/** The heap level of the groups' roots. */
		private int groupLevel;

		/** How many levels of splits a group spans: 3 (eight leaves) or fewer. */
		private int groupHeight;

		/**
		 * Lays the tree out as a complete binary tree in heap order, padding shorter
		 * branches with splits that always go left (their right sides add nothing), and
		 * gives each node three levels above the leaves (a group) one table for its eight
		 * leaves, indexed by the features its ancestors' splits made cold and the row's
		 * directions at the group's seven splits. A row then walks every split once,
		 * level by level, without a stack or unpredictable branches, and adds one table
		 * row per group: the eight leaves share most of their path features, so this adds
		 * about a third of the numbers one row per pair of leaves would. The tables grow
		 * with the ancestors' cold sets, so trees deeper than {@value #MAX_GROUP_DEPTH}
		 * group four leaves, and trees shallower than three levels group all their
		 * leaves.
		 */
		private void buildHeap() {
			int d = this.depth;
			if (d < 1 || d > MAX_HEAP_DEPTH) {
				return;
			}
			this.groupHeight = (d <= MAX_GROUP_DEPTH) ? Math.min(3, d) : 2;
			this.groupLevel = d - this.groupHeight;
			int groups = 1 << this.groupLevel;
			this.heapFeature = new int[(1 << d) - 1];
			this.heapThreshold = new float[(1 << d) - 1];
			this.heapBit = new int[(1 << d) - 1];
			this.groupAt = new int[groups];
			this.groupFeatureAt = new int[groups];
			this.groupWidth = new int[groups];
			this.groupFeatures = new int[0];
			this.heapDepth = d;
			int mark = this.tableSize;
			if (!fillHeap(0, 0, 0, 0)) {
				this.heapFeature = null;
				this.tableSize = mark;
			}
		}

		private int heapDepth;

		/** Sets heap node {@code heap}'s split from tree node {@code node}. */
		private void split(int node, int heap) {
			TreeEnsemble.Tree t = this.tree;
			if (node >= 0 && !t.isLeaf(node)) {
				this.heapFeature[heap] = t.feature()[node] | (t.defaultLeft()[node] ? Integer.MIN_VALUE : 0);
				this.heapThreshold[heap] = t.threshold()[node];
				this.heapBit[heap] = 1 << this.position[node];
			}
			else {
				this.heapFeature[heap] = Integer.MIN_VALUE;
				this.heapThreshold[heap] = Float.POSITIVE_INFINITY;
				this.heapBit[heap] = 0;
			}
		}

		/** The children of a heap node's tree node: a leaf or padding goes on left. */
		private int[] children(int node) {
			TreeEnsemble.Tree t = this.tree;
			boolean real = node >= 0 && !t.isLeaf(node);
			return real ? new int[] { t.left()[node], t.right()[node] } : new int[] { node, -1 };
		}

		/**
		 * Fills heap node {@code heap} from tree node {@code node} (-1: nothing); false
		 * when a leaf below has no table.
		 */
		private boolean fillHeap(int node, int heap, int level, int ancestorBits) {
			if (level < this.groupLevel) {
				split(node, heap);
				int[] child = children(node);
				int bits = ancestorBits | this.heapBit[heap];
				return fillHeap(child[0], 2 * heap + 1, level + 1, bits)
						&& fillHeap(child[1], 2 * heap + 2, level + 1, bits);
			}
			int k = this.groupHeight;
			int[] leaves = new int[1 << k];
			collect(node, heap, 0, 0, leaves);
			java.util.stream.IntStream.Builder features = java.util.stream.IntStream.builder();
			for (int leaf : leaves) {
				if (leaf >= 0) {
					if (this.leafTable[leaf] == null) {
						return false;
					}
					java.util.Arrays.stream(this.pathFeatures[leaf]).forEach(features);
				}
			}
			int[] union = features.build().distinct().toArray();
			int slot = heap - ((1 << this.groupLevel) - 1);
			this.groupFeatureAt[slot] = this.groupFeatures.length;
			this.groupWidth[slot] = union.length;
			this.groupFeatures = java.util.Arrays.copyOf(this.groupFeatures, this.groupFeatures.length + union.length);
			System.arraycopy(union, 0, this.groupFeatures, this.groupFeatureAt[slot], union.length);
			if (union.length == 0) {
				this.groupAt[slot] = -1;
				return true;
			}
			int splits = (1 << k) - 1;
			int width = union.length;
			// Only the ancestors' distinct features can be cold: where a feature splits
			// twice above, fewer rows.
			int colds = Integer.highestOneBit(ancestorBits) << 1;
			int at = reserve(Math.max(1, colds) * (1 << splits) * width);
			double[] row = new double[width];
			for (int cold = 0; cold < Math.max(1, colds); cold++) {
				for (int dirs = 0; dirs < (1 << splits); dirs++) {
					java.util.Arrays.fill(row, 0);
					for (int j = 0; j < leaves.length; j++) {
						if (leaves[j] >= 0) {
							addLeaf(leaves[j], coldAt(heap, j, cold, dirs), union, row);
						}
					}
					int base = at + ((cold << splits) | dirs) * width;
					for (int i = 0; i < width; i++) {
						this.table[base + i] = (float) row[i];
					}
				}
			}
			this.groupAt[slot] = at;
			return true;
		}

		/**
		 * Sets the splits of a group and lists its leaves (or -1) from left to right.
		 */
		private void collect(int node, int heap, int level, int index, int[] leaves) {
			if (level == this.groupHeight) {
				leaves[index] = node;
				return;
			}
			split(node, heap);
			int[] child = children(node);
			collect(child[0], 2 * heap + 1, level + 1, 2 * index, leaves);
			collect(child[1], 2 * heap + 2, level + 1, 2 * index + 1, leaves);
		}

		/**
		 * The cold set at the group's leaf {@code leaf}: the ancestors' one, plus the
		 * feature of every split inside the group where the row's direction (bit
		 * {@code splits - 1 - t} of {@code dirs} for the group's split t in heap order)
		 * leaves the path to that leaf.
		 */
		private int coldAt(int groupRoot, int leaf, int cold, int dirs) {
			int k = this.groupHeight;
			int splits = (1 << k) - 1;
			int c = cold;
			for (int l = 0; l < k; l++) {
				int m = leaf >> (k - l);
				int t = (1 << l) - 1 + m;
				int wanted = (leaf >> (k - 1 - l)) & 1;
				if (((dirs >> (splits - 1 - t)) & 1) != wanted) {
					c |= this.heapBit[((groupRoot + 1) << l) - 1 + m];
				}
			}
			return c;
		}

		/**
		 * Adds a leaf's contributions for a cold set to a row over the group's features.
		 */
		private void addLeaf(int leaf, int cold, int[] union, double[] row) {
			int[] features = this.pathFeatures[leaf];
			int k = features.length;
			if (k == 0) {
				return;
			}
			int hot = ((1 << k) - 1) & ~cold;
			double[] table = this.leafTable[leaf];
			for (int i = 0; i < k; i++) {
				int to = 0;
				while (union[to] != features[i]) {
					to++;
				}
				row[to] += table[hot * k + i];
			}
		}

		/**
		 * Adds this tree's SHAP values of one row by the heap walk.
		 * @param data row-major values
		 * @param offset the index of the row's first value
		 * @param phi the SHAP values being summed
		 * @param at the index of the row's first SHAP value in phi
		 * @param cold scratch space of at least 2^depth ints
		 */
		void explainHeap(float[] data, int offset, double[] phi, int at, int[] cold) {
			int[] bits = this.heapBit;
			int groupStart = (1 << this.groupLevel) - 1;
			cold[0] = 0;
			for (int i = 0; i < groupStart; i++) {
				boolean right = direction(data, offset, i) == 1;
				int c = cold[i];
				int b = bits[i];
				cold[2 * i + 1] = right ? (c | b) : c;
				cold[2 * i + 2] = right ? c : (c | b);
			}
			float[] tab = this.table;
			int[] groupAt = this.groupAt;
			int[] featureAt = this.groupFeatureAt;
			int[] widths = this.groupWidth;
			int[] feats = this.groupFeatures;
			int k = this.groupHeight;
			for (int s = 0; s < groupAt.length; s++) {
				int base = groupAt[s];
				if (base < 0) {
					continue;
				}
				int g = groupStart + s;
				int index = groupIndex(data, offset, g, cold[g], k);
				int width = widths[s];
				base += index * width;
				int from = featureAt[s];
				for (int j = 0; j < width; j++) {
					phi[at + feats[from + j]] += tab[base + j];
				}
			}
		}

		/**
		 * The table row of group {@code g}: the cold set, then the row's directions at
		 * the group's splits in heap order. Written out for the usual heights, which the
		 * loop costs a sixth of the time.
		 */
		private int groupIndex(float[] data, int offset, int g, int cold, int k) {
			if (k == 3) {
				int a = 2 * g + 1;
				int b = 4 * g + 3;
				return (((((cold * 2 + direction(data, offset, g)) * 2 + direction(data, offset, a)) * 2
						+ direction(data, offset, a + 1)) * 2 + direction(data, offset, b)) * 2
						+ direction(data, offset, b + 1)) * 4 + direction(data, offset, b + 2) * 2
						+ direction(data, offset, b + 3);
			}
			if (k == 2) {
				return ((cold * 2 + direction(data, offset, g)) * 2 + direction(data, offset, 2 * g + 1)) * 2
						+ direction(data, offset, 2 * g + 2);
			}
			return cold * 2 + direction(data, offset, g);
		}

		/** 1 when the row goes right at heap split {@code i}, else 0. */
		private int direction(float[] data, int offset, int i) {
			int fi = this.heapFeature[i];
			float x = data[offset + (fi & Integer.MAX_VALUE)];
			return (!(x < this.heapThreshold[i]) & !((x != x) & (fi < 0))) ? 1 : 0;
		}

		/**
		 * Lays out pair tables, then tables of leaves without a leaf sibling, as floats.
		 */
		private void pack() {
			TreeEnsemble.Tree t = this.tree;
			int n = t.left().length;
			java.util.Arrays.fill(this.tableAt, -1);
			java.util.Arrays.fill(this.pairAt, -1);
			if (this.heapFeature != null) {
				java.util.Arrays.fill(this.leafTable, null);
				return;
			}
			for (int node = 0; node < n; node++) {
				if (t.isLeaf(node)) {
					continue;
				}
				int l = t.left()[node];
				int r = t.right()[node];
				if (!t.isLeaf(l) || !t.isLeaf(r) || this.leafTable[l] == null || this.leafTable[r] == null) {
					continue;
				}
				int d = this.pathFeatures[l].length;
				int full = (1 << d) - 1;
				int bit = 1 << this.position[node];
				double[] left = this.leafTable[l];
				double[] right = this.leafTable[r];
				int at = reserve((1 << (d + 1)) * d);
				for (int cold = 0; cold <= full; cold++) {
					for (int dir = 0; dir < 2; dir++) {
						int hotLeft = full & ~(cold | ((dir == 1) ? bit : 0));
						int hotRight = full & ~(cold | ((dir == 0) ? bit : 0));
						int base = at + (cold * 2 + dir) * d;
						for (int k = 0; k < d; k++) {
							this.table[base + k] = (float) (left[hotLeft * d + k] + right[hotRight * d + k]);
						}
					}
				}
				this.pairAt[node] = at;
				this.leafTable[l] = null;
				this.leafTable[r] = null;
			}
			for (int node = 0; node < n; node++) {
				double[] tab = this.leafTable[node];
				if (tab != null) {
					int at = reserve(tab.length);
					for (int i = 0; i < tab.length; i++) {
						this.table[at + i] = (float) tab[i];
					}
					this.tableAt[node] = at;
					this.leafTable[node] = null;
				}
			}
		}

		private int reserve(int size) {
			if (this.tableSize + size > this.table.length) {
				this.table = java.util.Arrays.copyOf(this.table,
						Math.max(2 * this.table.length, this.tableSize + size));
			}
			int at = this.tableSize;
			this.tableSize += size;
			return at;
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
			leafContributions(v, z, hot, out, at, new double[z.length + 1], weights(z.length));
		}

		/** The Shapley weights s!(d-s-1)!/d! for s = 0 … d-1. */
		static double[] weights(int d) {
			double[] w = new double[d];
			for (int s = 0; s < d; s++) {
				w[s] = weight(s, d);
			}
			return w;
		}

		/** As above, with scratch space e (d + 1) and the weights w. */
		static void leafContributions(double v, double[] z, int hot, double[] out, int at, double[] e, double[] w) {
			int d = z.length;
			for (int i = 0; i < d; i++) {
				double oi = ((hot >> i) & 1);
				// Elementary symmetric polynomials: e[m] sums, over subsets T of the
				// followed
				// features other than i with |T| = m, the product of z over T. A subset S
				// of
				// followed features of size s contributes w(s) times the product of z
				// over the
				// followed features outside S (the polynomial of degree |H'| - s) and
				// over the
				// features not followed.
				java.util.Arrays.fill(e, 0);
				e[0] = 1;
				double cold = 1;
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
				double sum = 0;
				for (int s = 0; s <= hotCount; s++) {
					sum += w[s] * e[hotCount - s];
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

		/**
		 * Adds this tree's SHAP values of one row.
		 * @param data row-major values
		 * @param offset the index of the row's first value
		 * @param phi the SHAP values being summed
		 * @param at the index of the row's first SHAP value in phi
		 * @param stack scratch space
		 * @param coldStack scratch space
		 */
		void explain(float[] data, int offset, double[] phi, int at, int[] stack, int[] coldStack) {
			if (this.heapFeature != null) {
				explainHeap(data, offset, phi, at, coldStack);
				return;
			}
			TreeEnsemble.Tree t = this.tree;
			int[] left = t.left();
			int[] right = t.right();
			int[] feature = t.feature();
			float[] tab = this.table;
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
					int base = this.tableAt[node];
					if (base >= 0) {
						base += hot * d;
						for (int k = 0; k < d; k++) {
							phi[at + feats[k]] += tab[base + k];
						}
					}
					else {
						double[] tmp = new double[d];
						leafContributions(t.leafValue(node), this.zero[node], hot, tmp, 0);
						for (int k = 0; k < d; k++) {
							phi[at + feats[k]] += tmp[k];
						}
					}
					continue;
				}
				int next = t.next(node, data[offset + feature[node]]);
				int pair = this.pairAt[node];
				if (pair >= 0) {
					int[] feats = this.pathFeatures[left[node]];
					int d = feats.length;
					int base = pair + (cold * 2 + ((next == left[node]) ? 0 : 1)) * d;
					for (int k = 0; k < d; k++) {
						phi[at + feats[k]] += tab[base + k];
					}
					continue;
				}
				int other = (next == left[node]) ? right[node] : left[node];
				stack[sp] = other;
				coldStack[sp++] = cold | (1 << this.position[node]);
				stack[sp] = next;
				coldStack[sp++] = cold;
			}
		}

	}

}
