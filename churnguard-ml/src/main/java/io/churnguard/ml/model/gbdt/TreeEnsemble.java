package io.churnguard.ml.model.gbdt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.churnguard.ml.data.DesignMatrix;

/**
 * The trees of an XGBoost model read from its JSON form: split features, thresholds,
 * default directions for missing values, leaf values and covers. Predicting in Java from
 * these arrays gives XGBoost's own margins (it compares the same 32-bit floats) without a
 * native call per batch, and the covers feed TreeSHAP.
 */
public final class TreeEnsemble {

	private final List<Tree> trees;

	private final double baseMargin;

	private final int features;

	private volatile int[][] packed;

	private volatile HeapForest heap;

	private volatile boolean heapTried;

	private TreeEnsemble(List<Tree> trees, double baseMargin, int features) {
		this.trees = trees;
		this.baseMargin = baseMargin;
		this.features = features;
	}

	/**
	 * Reads the JSON model of a booster (as saved with format {@code json}).
	 * @param json the model bytes
	 * @return the ensemble
	 */
	public static TreeEnsemble fromJson(byte[] json) {
		try {
			JsonNode learner = new ObjectMapper().readTree(json).path("learner");
			JsonNode param = learner.path("learner_model_param");
			String base = param.path("base_score").asText().replace("[", "").replace("]", "");
			double p = Double.parseDouble(base);
			int features = Integer.parseInt(param.path("num_feature").asText());
			List<Tree> trees = new ArrayList<>();
			for (JsonNode t : learner.path("gradient_booster").path("model").path("trees")) {
				trees.add(Tree.of(t));
			}
			// A classifier's base score is a probability, a regressor's is already a
			// margin.
			String objective = learner.path("objective").path("name").asText("binary:logistic");
			double baseMargin = objective.startsWith("binary:") ? Math.log(p / (1 - p)) : p;
			return new TreeEnsemble(List.copyOf(trees), baseMargin, features);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the XGBoost JSON model", ex);
		}
	}

	/**
	 * The first trees only, as the model was after that many rounds.
	 * @param rounds the number of trees kept
	 * @return the truncated ensemble
	 */
	public TreeEnsemble truncate(int rounds) {
		return new TreeEnsemble(this.trees.subList(0, Math.min(rounds, this.trees.size())), this.baseMargin,
				this.features);
	}

	/**
	 * The average of ensembles: all their trees with leaf values divided by their number,
	 * and the mean base margin, so margins and SHAP values are the averages of theirs.
	 * @param parts the ensembles
	 * @return the average
	 */
	public static TreeEnsemble average(List<TreeEnsemble> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		double k = parts.size();
		List<Tree> trees = new ArrayList<>();
		double base = 0;
		for (TreeEnsemble e : parts) {
			base += e.baseMargin / k;
			for (Tree t : e.trees) {
				double[] v = t.value().clone();
				for (int i = 0; i < v.length; i++) {
					v[i] /= k;
				}
				trees.add(new Tree(t.left(), t.right(), t.feature(), t.threshold(), t.defaultLeft(), v, t.cover()));
			}
		}
		return new TreeEnsemble(List.copyOf(trees), base, parts.get(0).features);
	}

	/** The trees. */
	public List<Tree> trees() {
		return this.trees;
	}

	/**
	 * The margin before any tree: the logit of XGBoost's base score for a classifier, the
	 * base score itself for a regressor.
	 */
	public double baseMargin() {
		return this.baseMargin;
	}

	/** The number of input features. */
	public int features() {
		return this.features;
	}

	/**
	 * The margin (log-odds) of one row.
	 * @param data row-major values
	 * @param offset the index of the row's first value
	 * @return the margin
	 */
	public double margin(float[] data, int offset) {
		double m = this.baseMargin;
		for (int[] t : packed()) {
			m += leafValue(t, data, offset);
		}
		return m;
	}

	/**
	 * The margins of every row. Rows are scored in blocks, tree by tree within a block,
	 * so that a tree's nodes stay in the CPU cache while the block's rows pass through
	 * it.
	 * @param matrix the design matrix
	 * @return the margins
	 */
	public double[] margins(DesignMatrix matrix) {
		int n = matrix.rows();
		int p = matrix.columns();
		float[] d = matrix.data();
		double[] out = new double[n];
		int[][] trees = packed();
		HeapForest heap = heap();
		IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach((b) -> {
			int from = b * BLOCK;
			int to = Math.min(n, from + BLOCK);
			java.util.Arrays.fill(out, from, to, this.baseMargin);
			if (heap != null) {
				heap.add(d, p, from, to, out);
				return;
			}
			for (int[] t : trees) {
				for (int r = from; r < to; r++) {
					out[r] += leafValue(t, d, r * p);
				}
			}
		});
		return out;
	}

	/**
	 * The probability of churn of every row.
	 * @param matrix the design matrix
	 * @return the probabilities
	 */
	public double[] probabilities(DesignMatrix matrix) {
		double[] m = margins(matrix);
		for (int i = 0; i < m.length; i++) {
			m[i] = 1 / (1 + Math.exp(-m[i]));
		}
		return m;
	}

	private static final int BLOCK = 128;

	/**
	 * Every tree packed into one int array, four ints per node: left child (-1 at a
	 * leaf), right child, split feature with the default-left flag in the sign bit, and
	 * the float bits of the threshold, or of the leaf value at a leaf.
	 */
	private int[][] packed() {
		int[][] p = this.packed;
		if (p == null) {
			p = new int[this.trees.size()][];
			for (int i = 0; i < p.length; i++) {
				Tree t = this.trees.get(i);
				int n = t.left().length;
				int[] a = new int[4 * n];
				for (int k = 0; k < n; k++) {
					boolean leaf = t.left()[k] < 0;
					a[4 * k] = t.left()[k];
					a[4 * k + 1] = t.right()[k];
					a[4 * k + 2] = t.feature()[k] | (t.defaultLeft()[k] ? Integer.MIN_VALUE : 0);
					a[4 * k + 3] = Float.floatToRawIntBits(leaf ? (float) t.value()[k] : t.threshold()[k]);
				}
				p[i] = a;
			}
			this.packed = p;
		}
		return p;
	}

	private HeapForest heap() {
		if (!this.heapTried) {
			this.heap = HeapForest.of(this.trees);
			this.heapTried = true;
		}
		return this.heap;
	}

	private static double leafValue(int[] t, float[] data, int offset) {
		int node = 0;
		int left;
		while ((left = t[node]) >= 0) {
			int f = t[node + 2];
			float x = data[offset + (f & Integer.MAX_VALUE)];
			boolean goLeft = (x != x) ? f < 0 : x < Float.intBitsToFloat(t[node + 3]);
			node = 4 * (goLeft ? left : t[node + 1]);
		}
		return Float.intBitsToFloat(t[node + 3]);
	}

	/**
	 * One regression tree in XGBoost's array layout; node 0 is the root.
	 *
	 * @param left left child per node, -1 for a leaf
	 * @param right right child per node
	 * @param feature split feature per node
	 * @param threshold split threshold per node: values below go left
	 * @param defaultLeft whether a missing value goes left
	 * @param value the leaf value per node (meaningful at leaves)
	 * @param cover the hessian sum of training rows per node
	 */
	public record Tree(int[] left, int[] right, int[] feature, float[] threshold, boolean[] defaultLeft, double[] value,
			double[] cover) {

		static Tree of(JsonNode t) {
			int[] left = ints(t.path("left_children"));
			int[] right = ints(t.path("right_children"));
			int[] feature = ints(t.path("split_indices"));
			JsonNode cond = t.path("split_conditions");
			JsonNode dl = t.path("default_left");
			JsonNode hess = t.path("sum_hessian");
			int n = left.length;
			float[] threshold = new float[n];
			boolean[] defaultLeft = new boolean[n];
			double[] value = new double[n];
			double[] cover = new double[n];
			for (int i = 0; i < n; i++) {
				// For leaves XGBoost stores the leaf value where splits keep their
				// threshold.
				float c = (float) cond.get(i).asDouble();
				threshold[i] = c;
				value[i] = c;
				defaultLeft[i] = dl.get(i).asInt() != 0 || dl.get(i).asBoolean();
				cover[i] = hess.get(i).asDouble();
			}
			return new Tree(left, right, feature, threshold, defaultLeft, value, cover);
		}

		private static int[] ints(JsonNode array) {
			int[] out = new int[array.size()];
			for (int i = 0; i < out.length; i++) {
				out[i] = array.get(i).asInt();
			}
			return out;
		}

		/** Whether a node is a leaf. */
		public boolean isLeaf(int node) {
			return this.left[node] < 0;
		}

		/**
		 * The child a value goes to at a split node.
		 * @param node the split node
		 * @param x the value, NaN for missing
		 * @return the child
		 */
		public int next(int node, float x) {
			if (Float.isNaN(x)) {
				return this.defaultLeft[node] ? this.left[node] : this.right[node];
			}
			return (x < this.threshold[node]) ? this.left[node] : this.right[node];
		}

		/**
		 * The leaf a row falls into.
		 * @param data row-major values
		 * @param offset the index of the row's first value
		 * @return the leaf node
		 */
		public int leaf(float[] data, int offset) {
			int node = 0;
			while (this.left[node] >= 0) {
				node = next(node, data[offset + this.feature[node]]);
			}
			return node;
		}

		/** The value of a leaf. */
		public double leafValue(int node) {
			return this.value[node];
		}

	}

}
