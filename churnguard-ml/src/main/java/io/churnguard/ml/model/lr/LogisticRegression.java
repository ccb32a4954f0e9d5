package io.churnguard.ml.model.lr;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.ml.data.DesignMatrix;

/**
 * The logistic regression trainer: Newton's method in its iteratively reweighted least
 * squares form, on internally standardized columns (for numerical stability; results are
 * reported per unit of the original columns), with step halving and an optional L2
 * penalty on the standardized coefficients (never on the intercept).
 *
 * <p>
 * Columns that are linear combinations of earlier ones are reported as aliased and left
 * out, as R's {@code glm} does. When the unpenalized fit shows (quasi-)separation, the
 * trainer says so in {@link LogisticRegressionFit#separation()} and, unless told not to,
 * refits with a small L2 penalty so that the coefficients stay finite.
 */
public final class LogisticRegression {

	private static final double SEPARATION_RIDGE = 1.0;

	private final double l2;

	private final int maxIterations;

	private final double tolerance;

	private final boolean remedySeparation;

	private LogisticRegression(double l2, int maxIterations, double tolerance, boolean remedySeparation) {
		this.l2 = l2;
		this.maxIterations = maxIterations;
		this.tolerance = tolerance;
		this.remedySeparation = remedySeparation;
	}

	/**
	 * An unpenalized trainer that remedies separation with a small ridge.
	 * @return the trainer
	 */
	public static LogisticRegression create() {
		return new LogisticRegression(0, 50, 1e-10, true);
	}

	/**
	 * This trainer with an L2 penalty.
	 * @param lambda the penalty on the standardized coefficients, 0 for none
	 * @return a new trainer
	 */
	public LogisticRegression withL2(double lambda) {
		return new LogisticRegression(lambda, this.maxIterations, this.tolerance, this.remedySeparation);
	}

	/**
	 * This trainer, reporting separation without refitting.
	 * @return a new trainer
	 */
	public LogisticRegression withoutSeparationRemedy() {
		return new LogisticRegression(this.l2, this.maxIterations, this.tolerance, false);
	}

	/** The L2 penalty. */
	public double l2() {
		return this.l2;
	}

	/**
	 * Fits a design matrix.
	 * @param matrix the design matrix
	 * @param y the labels, 1 for churn
	 * @return the fit
	 */
	public LogisticRegressionFit fit(DesignMatrix matrix, int[] y) {
		return fit(LogisticData.of(matrix, y));
	}

	/**
	 * Fits data.
	 * @param data the data
	 * @return the fit
	 */
	public LogisticRegressionFit fit(LogisticData data) {
		LogisticRegressionFit fit = fitWith(data, this.l2);
		Separation separation = SeparationCheck.of(fit, data);
		if (!separation.detected()) {
			return fit;
		}
		if (!this.remedySeparation || this.l2 >= SEPARATION_RIDGE) {
			return fit.withSeparation(separation);
		}
		LogisticRegressionFit ridge = fitWith(data, SEPARATION_RIDGE);
		return ridge.withSeparation(new Separation(separation.kind(), separation.variables(),
				separation.rowsAtZeroOrOne(), "refitted with an L2 penalty of " + SEPARATION_RIDGE
						+ " on standardized coefficients; standard errors and p-values are approximate"));
	}

	private LogisticRegressionFit fitWith(LogisticData data, double lambda) {
		int n = data.rows();
		int pAll = data.columns().length;
		double[] mean = new double[pAll];
		double[] scale = new double[pAll];
		for (int j = 0; j < pAll; j++) {
			double[] x = data.columns()[j];
			double s = 0;
			for (double v : x) {
				s += v;
			}
			double m = s / n;
			double ss = 0;
			for (double v : x) {
				ss += (v - m) * (v - m);
			}
			mean[j] = m;
			scale[j] = Math.sqrt(ss / Math.max(1, n - 1));
		}
		boolean[] aliased = findAliased(data.columns(), mean, scale);
		List<Integer> active = new ArrayList<>();
		for (int j = 0; j < pAll; j++) {
			if (!aliased[j]) {
				active.add(j);
			}
		}
		int q = active.size() + 1;
		// z[k][row]: standardized active columns, k = 0 is the intercept (not stored).
		double[][] z = new double[q - 1][];
		for (int k = 0; k < q - 1; k++) {
			int j = active.get(k);
			double[] x = data.columns()[j];
			double[] col = new double[n];
			for (int r = 0; r < n; r++) {
				col[r] = (x[r] - mean[j]) / scale[j];
			}
			z[k] = col;
		}
		int[] y = data.y();
		double ybar = 0;
		for (int v : y) {
			ybar += v;
		}
		ybar /= n;
		double[] gamma = new double[q];
		gamma[0] = Math.log((ybar + 1e-9) / (1 - ybar + 1e-9));
		double[] eta = new double[n];
		linearPredictor(z, gamma, eta);
		double objective = penalizedDeviance(y, eta, gamma, lambda);
		int iterations = 0;
		boolean converged = false;
		double[][] info = null;
		while (iterations < this.maxIterations) {
			iterations++;
			double[] grad = new double[q];
			info = information(z, y, eta, grad, lambda, gamma);
			double[] step = Linear.solve(info, grad);
			double[] next = new double[q];
			double nextObjective = Double.POSITIVE_INFINITY;
			double[] nextEta = new double[n];
			for (int halving = 0; halving < 30; halving++) {
				double f = Math.pow(0.5, halving);
				for (int k = 0; k < q; k++) {
					next[k] = gamma[k] + f * step[k];
				}
				linearPredictor(z, next, nextEta);
				nextObjective = penalizedDeviance(y, nextEta, next, lambda);
				if (nextObjective <= objective + 1e-12 * Math.abs(objective)) {
					break;
				}
			}
			double change = Math.abs(objective - nextObjective) / (Math.abs(nextObjective) + 0.1);
			gamma = next.clone();
			System.arraycopy(nextEta, 0, eta, 0, n);
			objective = nextObjective;
			if (change < this.tolerance) {
				converged = true;
				break;
			}
		}
		info = information(z, y, eta, new double[q], lambda, gamma);
		double[][] covGamma = Linear.inverse(info);
		return LogisticRegressionFit.fromStandardized(data, active, aliased, mean, scale, gamma, covGamma, eta,
				iterations, converged, lambda);
	}

	private static void linearPredictor(double[][] z, double[] gamma, double[] eta) {
		java.util.Arrays.fill(eta, gamma[0]);
		for (int k = 0; k < z.length; k++) {
			double g = gamma[k + 1];
			double[] col = z[k];
			for (int r = 0; r < eta.length; r++) {
				eta[r] += g * col[r];
			}
		}
	}

	static double deviance(int[] y, double[] eta) {
		double d = 0;
		for (int r = 0; r < y.length; r++) {
			// log(1 + exp(-s)) computed without overflow, s the signed margin.
			double s = (y[r] == 1) ? eta[r] : -eta[r];
			d += (s > 0) ? Math.log1p(Math.exp(-s)) : -s + Math.log1p(Math.exp(s));
		}
		return 2 * d;
	}

	private static double penalizedDeviance(int[] y, double[] eta, double[] gamma, double lambda) {
		double pen = 0;
		for (int k = 1; k < gamma.length; k++) {
			pen += gamma[k] * gamma[k];
		}
		return deviance(y, eta) + lambda * pen;
	}

	/**
	 * The (penalized) Fisher information Z'WZ + λI and the half-gradient of the deviance.
	 */
	private static double[][] information(double[][] z, int[] y, double[] eta, double[] grad, double lambda,
			double[] gamma) {
		int q = z.length + 1;
		int n = y.length;
		double[][] h = new double[q][q];
		double[] w = new double[n];
		double[] resid = new double[n];
		for (int r = 0; r < n; r++) {
			double p = 1 / (1 + Math.exp(-eta[r]));
			w[r] = Math.max(p * (1 - p), 1e-12);
			resid[r] = y[r] - p;
		}
		double sw = 0;
		double sres = 0;
		for (int r = 0; r < n; r++) {
			sw += w[r];
			sres += resid[r];
		}
		h[0][0] = sw;
		grad[0] = sres;
		double[] wz = new double[n];
		for (int a = 0; a < z.length; a++) {
			double[] za = z[a];
			double s0 = 0;
			double g = 0;
			for (int r = 0; r < n; r++) {
				wz[r] = w[r] * za[r];
				s0 += wz[r];
				g += za[r] * resid[r];
			}
			h[0][a + 1] = s0;
			h[a + 1][0] = s0;
			grad[a + 1] = g - lambda * gamma[a + 1];
			for (int b = a; b < z.length; b++) {
				double[] zb = z[b];
				double s = 0;
				for (int r = 0; r < n; r++) {
					s += wz[r] * zb[r];
				}
				h[a + 1][b + 1] = s;
				h[b + 1][a + 1] = s;
			}
			h[a + 1][a + 1] += lambda;
		}
		return h;
	}

	/**
	 * Columns that are constant or linear combinations of earlier columns (and the
	 * intercept), found by a Gram-Schmidt pass over the correlation structure.
	 */
	private static boolean[] findAliased(double[][] columns, double[] mean, double[] scale) {
		int p = columns.length;
		boolean[] aliased = new boolean[p];
		List<double[]> basis = new ArrayList<>();
		for (int j = 0; j < p; j++) {
			if (!(scale[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
				aliased[j] = true;
				continue;
			}
			double[] x = columns[j];
			int n = x.length;
			double[] v = new double[n];
			double norm0 = 0;
			for (int r = 0; r < n; r++) {
				v[r] = (x[r] - mean[j]) / scale[j];
				norm0 += v[r] * v[r];
			}
			for (double[] b : basis) {
				double dot = 0;
				for (int r = 0; r < n; r++) {
					dot += v[r] * b[r];
				}
				for (int r = 0; r < n; r++) {
					v[r] -= dot * b[r];
				}
			}
			double norm = 0;
			for (double t : v) {
				norm += t * t;
			}
			if (norm < 1e-9 * norm0) {
				aliased[j] = true;
				continue;
			}
			double inv = 1 / Math.sqrt(norm);
			for (int r = 0; r < n; r++) {
				v[r] *= inv;
			}
			basis.add(v);
		}
		return aliased;
	}

}
