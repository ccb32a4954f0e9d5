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
			return new TreeEnsemble(List.copyOf(trees), Math.log(p / (1 - p)), features);
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

	/** The margin before any tree: the logit of XGBoost's base score. */
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
		for (Tree t : this.trees) {
			m += t.leafValue(t.leaf(data, offset));
		}
		return m;
	}

	/**
	 * The probability of churn of every row, in parallel over row blocks.
	 * @param matrix the design matrix
	 * @return the probabilities
	 */
	public double[] probabilities(DesignMatrix matrix) {
		int n = matrix.rows();
		int p = matrix.columns();
		float[] d = matrix.data();
		double[] out = new double[n];
		int block = 4096;
		IntStream.range(0, (n + block - 1) / block).parallel().forEach((b) -> {
			int end = Math.min(n, (b + 1) * block);
			for (int r = b * block; r < end; r++) {
				out[r] = 1 / (1 + Math.exp(-margin(d, r * p)));
			}
		});
		return out;
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
