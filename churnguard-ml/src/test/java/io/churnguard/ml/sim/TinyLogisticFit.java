package io.churnguard.ml.sim;

/**
 * A test-local logistic regression by Newton-Raphson on standardised features, and the
 * area under the ROC curve. It stands in for the project's logistic regression (package
 * {@code io.churnguard.ml.model.lr}) until that is merged; only "a simple model" is
 * needed to show that simulated churn is learnable but not separable.
 */
final class TinyLogisticFit {

	private final double[] mean;

	private final double[] scale;

	private final double[] weights;

	private TinyLogisticFit(double[] mean, double[] scale, double[] weights) {
		this.mean = mean;
		this.scale = scale;
		this.weights = weights;
	}

	static TinyLogisticFit fit(double[][] x, int[] y) {
		int n = x.length;
		int k = x[0].length;
		double[] mean = new double[k];
		double[] scale = new double[k];
		for (double[] row : x) {
			for (int j = 0; j < k; j++) {
				mean[j] += row[j] / n;
			}
		}
		for (double[] row : x) {
			for (int j = 0; j < k; j++) {
				scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
			}
		}
		for (int j = 0; j < k; j++) {
			scale[j] = (scale[j] > 0) ? Math.sqrt(scale[j]) : 1;
		}
		int p = k + 1;
		double[] w = new double[p];
		for (int iteration = 0; iteration < 25; iteration++) {
			double[] gradient = new double[p];
			double[][] hessian = new double[p][p];
			double[] z = new double[p];
			for (int i = 0; i < n; i++) {
				z[0] = 1;
				for (int j = 0; j < k; j++) {
					z[j + 1] = (x[i][j] - mean[j]) / scale[j];
				}
				double eta = 0;
				for (int j = 0; j < p; j++) {
					eta += w[j] * z[j];
				}
				double prob = 1 / (1 + Math.exp(-eta));
				double weight = prob * (1 - prob);
				for (int a = 0; a < p; a++) {
					gradient[a] += (y[i] - prob) * z[a];
					for (int b = 0; b < p; b++) {
						hessian[a][b] += weight * z[a] * z[b];
					}
				}
			}
			for (int a = 0; a < p; a++) {
				hessian[a][a] += 1e-6 * n;
			}
			double[] step = solve(hessian, gradient);
			double size = 0;
			for (int j = 0; j < p; j++) {
				w[j] += step[j];
				size += Math.abs(step[j]);
			}
			if (size < 1e-8) {
				break;
			}
		}
		return new TinyLogisticFit(mean, scale, w);
	}

	double predict(double[] row) {
		double eta = this.weights[0];
		for (int j = 0; j < row.length; j++) {
			eta += this.weights[j + 1] * (row[j] - this.mean[j]) / this.scale[j];
		}
		return 1 / (1 + Math.exp(-eta));
	}

	double[] coefficients() {
		return this.weights.clone();
	}

	/** The area under the ROC curve: the chance a positive outranks a negative. */
	static double auc(double[] scores, int[] labels) {
		Integer[] order = new Integer[scores.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int t = i; t <= j; t++) {
				if (labels[order[t]] == 1) {
					rankSum += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = scores.length - positives;
		return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
	}

	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
					pivot = row;
				}
			}
			double[] swap = m[col];
			m[col] = m[pivot];
			m[pivot] = swap;
			for (int row = col + 1; row < n; row++) {
				double factor = m[row][col] / m[col][col];
				for (int c = col; c <= n; c++) {
					m[row][c] -= factor * m[col][c];
				}
			}
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double sum = m[i][n];
			for (int j = i + 1; j < n; j++) {
				sum -= m[i][j] * x[j];
			}
			x[i] = sum / m[i][i];
		}
		return x;
	}

}
