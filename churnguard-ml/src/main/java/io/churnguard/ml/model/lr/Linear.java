package io.churnguard.ml.model.lr;

/** Small dense linear algebra for symmetric positive (semi-)definite systems. */
final class Linear {

	private Linear() {
	}

	/**
	 * Solves A x = b by Cholesky; a non-positive pivot is nudged so Newton still moves.
	 */
	static double[] solve(double[][] a, double[] b) {
		double[][] l = cholesky(a);
		int n = b.length;
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			double s = b[i];
			for (int k = 0; k < i; k++) {
				s -= l[i][k] * y[k];
			}
			y[i] = s / l[i][i];
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double s = y[i];
			for (int k = i + 1; k < n; k++) {
				s -= l[k][i] * x[k];
			}
			x[i] = s / l[i][i];
		}
		return x;
	}

	/** The inverse of a symmetric positive definite matrix. */
	static double[][] inverse(double[][] a) {
		int n = a.length;
		double[][] inv = new double[n][n];
		for (int j = 0; j < n; j++) {
			double[] e = new double[n];
			e[j] = 1;
			double[] col = solve(a, e);
			for (int i = 0; i < n; i++) {
				inv[i][j] = col[i];
			}
		}
		return inv;
	}

	private static double[][] cholesky(double[][] a) {
		int n = a.length;
		double[][] l = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j <= i; j++) {
				double s = a[i][j];
				for (int k = 0; k < j; k++) {
					s -= l[i][k] * l[j][k];
				}
				if (i == j) {
					double floor = 1e-12 * Math.max(1, Math.abs(a[i][i]));
					l[i][i] = Math.sqrt(Math.max(s, floor));
				}
				else {
					l[i][j] = s / l[j][j];
				}
			}
		}
		return l;
	}

}
