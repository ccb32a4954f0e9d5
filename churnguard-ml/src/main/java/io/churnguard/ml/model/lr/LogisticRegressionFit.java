package io.churnguard.ml.model.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Erf;

import io.churnguard.ml.data.DesignMatrix;

/**
 * A fitted logistic regression with its inference statistics: the coefficient table, the
 * Wald test of every variable, likelihoods and information criteria, and what was found
 * about separation. Stored as JSON with the model.
 *
 * @param coefficients the intercept first, then one row per design column in order
 * @param variableTests one Wald test per variable
 * @param rows the number of training rows
 * @param events the number of training rows with the event (churn)
 * @param logLikelihood the log-likelihood of the fit
 * @param nullLogLikelihood the log-likelihood of the intercept-only model
 * @param iterations Newton iterations used
 * @param converged whether the iterations converged
 * @param l2 the L2 penalty on standardized coefficients, 0 for none
 * @param separation what was found about (quasi-)separation
 */
// The derived figures after the components, in a fixed order: Jackson lists getters in
// the order reflection returns them, which may differ between runs, and the model id is a
// hash of the saved artifact.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "coefficients", "variableTests", "rows", "events", "logLikelihood", "nullLogLikelihood",
		"iterations", "converged", "l2", "separation", "parameters", "aic", "bic", "pseudoR2" })
public record LogisticRegressionFit(List<Coefficient> coefficients, List<VariableTest> variableTests, int rows,
		int events, double logLikelihood, double nullLogLikelihood, int iterations, boolean converged, double l2,
		Separation separation) {

	private static final double Z95 = 1.959963984540054;

	/** The number of estimated (non-aliased) parameters, intercept included. */
	@JsonProperty("parameters")
	public int parameters() {
		int k = 0;
		for (Coefficient c : this.coefficients) {
			k += c.aliased() ? 0 : 1;
		}
		return k;
	}

	/** Akaike's information criterion, -2 log L + 2 k. */
	@JsonProperty("aic")
	public double aic() {
		return -2 * this.logLikelihood + 2 * parameters();
	}

	/** The Bayesian information criterion, -2 log L + k log n. */
	@JsonProperty("bic")
	public double bic() {
		return -2 * this.logLikelihood + Math.log(this.rows) * parameters();
	}

	/** McFadden's pseudo R², 1 - log L / log L0. */
	@JsonProperty("pseudoR2")
	public double pseudoR2() {
		return 1 - this.logLikelihood / this.nullLogLikelihood;
	}

	/** The estimates, intercept first, aliased columns as 0. */
	public double[] estimates() {
		double[] b = new double[this.coefficients.size()];
		for (int i = 0; i < b.length; i++) {
			Coefficient c = this.coefficients.get(i);
			b[i] = c.aliased() ? 0 : c.estimate();
		}
		return b;
	}

	/**
	 * A coefficient by design column name.
	 * @param name the name, or {@link Coefficient#INTERCEPT}
	 * @return the coefficient
	 */
	public Coefficient coefficient(String name) {
		for (Coefficient c : this.coefficients) {
			if (c.name().equals(name)) {
				return c;
			}
		}
		throw new IllegalArgumentException("No coefficient '" + name + "'");
	}

	/**
	 * A variable's Wald test.
	 * @param variable the variable
	 * @return its test
	 */
	public VariableTest test(String variable) {
		for (VariableTest t : this.variableTests) {
			if (t.variable().equals(variable)) {
				return t;
			}
		}
		throw new IllegalArgumentException("No variable '" + variable + "'");
	}

	/**
	 * The probability of churn of every row.
	 * @param matrix rows encoded by the same pipeline as in training
	 * @return the probabilities
	 */
	public double[] probabilities(DesignMatrix matrix) {
		double[] b = estimates();
		int p = matrix.columns();
		if (p + 1 != b.length) {
			throw new IllegalArgumentException("Expected " + (b.length - 1) + " design columns, got " + p);
		}
		float[] d = matrix.data();
		double[] out = new double[matrix.rows()];
		for (int r = 0; r < out.length; r++) {
			double eta = b[0];
			int base = r * p;
			for (int j = 0; j < p; j++) {
				eta += b[j + 1] * d[base + j];
			}
			out[r] = 1 / (1 + Math.exp(-eta));
		}
		return out;
	}

	/**
	 * The coefficient table as CSV (UTF-8 text, comma-separated, header line first).
	 * @return the CSV text
	 */
	public String toCsv() {
		StringBuilder sb = new StringBuilder(
				"term,variable,estimate,std_error,z,p_value,odds_ratio,odds_ratio_lower_95,odds_ratio_upper_95\n");
		for (Coefficient c : this.coefficients) {
			sb.append(csv(c.name()))
				.append(',')
				.append(csv(c.variable()))
				.append(',')
				.append(num(c.estimate()))
				.append(',')
				.append(num(c.standardError()))
				.append(',')
				.append(num(c.z()))
				.append(',')
				.append(num(c.pValue()))
				.append(',')
				.append(num(c.oddsRatio()))
				.append(',')
				.append(num(c.oddsRatioLower()))
				.append(',')
				.append(num(c.oddsRatioUpper()))
				.append('\n');
		}
		return sb.toString();
	}

	private static String csv(String s) {
		return (s.contains(",") || s.contains("\"")) ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	private static String num(double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
	}

	LogisticRegressionFit withSeparation(Separation s) {
		return new LogisticRegressionFit(this.coefficients, this.variableTests, this.rows, this.events,
				this.logLikelihood, this.nullLogLikelihood, this.iterations, this.converged, this.l2, s);
	}

	/**
	 * Turns a fit on standardized columns into the statistics of the original columns.
	 */
	static LogisticRegressionFit fromStandardized(LogisticData data, List<Integer> active, boolean[] aliased,
			double[] mean, double[] scale, double[] gamma, double[][] covGamma, double[] eta, int iterations,
			boolean converged, double l2) {
		int q = gamma.length;
		// beta = A gamma: beta_j = gamma_k / s_j; beta_0 = gamma_0 - sum gamma_k m_j /
		// s_j.
		double[][] a = new double[q][q];
		a[0][0] = 1;
		for (int k = 1; k < q; k++) {
			int j = active.get(k - 1);
			a[0][k] = -mean[j] / scale[j];
			a[k][k] = 1 / scale[j];
		}
		double[] beta = new double[q];
		double[][] cov = new double[q][q];
		for (int i = 0; i < q; i++) {
			for (int k = 0; k < q; k++) {
				beta[i] += a[i][k] * gamma[k];
			}
		}
		double[][] tmp = new double[q][q];
		for (int i = 0; i < q; i++) {
			for (int k = 0; k < q; k++) {
				double s = 0;
				for (int m = 0; m < q; m++) {
					s += a[i][m] * covGamma[m][k];
				}
				tmp[i][k] = s;
			}
		}
		for (int i = 0; i < q; i++) {
			for (int k = 0; k < q; k++) {
				double s = 0;
				for (int m = 0; m < q; m++) {
					s += tmp[i][m] * a[k][m];
				}
				cov[i][k] = s;
			}
		}
		List<Coefficient> table = new ArrayList<>();
		table.add(coefficient(Coefficient.INTERCEPT, Coefficient.INTERCEPT, beta[0], Math.sqrt(cov[0][0])));
		int k = 1;
		for (int j = 0; j < aliased.length; j++) {
			String name = data.names().get(j);
			String variable = data.variableOf().get(j);
			if (aliased[j]) {
				table.add(new Coefficient(name, variable, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
						Double.NaN, Double.NaN, true));
			}
			else {
				table.add(coefficient(name, variable, beta[k], Math.sqrt(cov[k][k])));
				k++;
			}
		}
		List<VariableTest> tests = variableTests(data, active, beta, cov);
		int events = 0;
		for (int v : data.y()) {
			events += v;
		}
		int n = data.rows();
		double ll = -LogisticRegression.deviance(data.y(), eta) / 2;
		double pbar = (double) events / n;
		double ll0 = (events == 0 || events == n) ? 0 : events * Math.log(pbar) + (n - events) * Math.log(1 - pbar);
		return new LogisticRegressionFit(table, tests, n, events, ll, ll0, iterations, converged, l2, Separation.NONE);
	}

	private static Coefficient coefficient(String name, String variable, double b, double se) {
		double z = b / se;
		return new Coefficient(name, variable, b, se, z, twoSidedP(z), Math.exp(b), Math.exp(b - Z95 * se),
				Math.exp(b + Z95 * se), false);
	}

	static double twoSidedP(double z) {
		return Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2));
	}

	private static List<VariableTest> variableTests(LogisticData data, List<Integer> active, double[] beta,
			double[][] cov) {
		Map<String, List<Integer>> byVariable = new LinkedHashMap<>();
		for (String v : data.variables()) {
			byVariable.put(v, new ArrayList<>());
		}
		for (int k = 0; k < active.size(); k++) {
			byVariable.get(data.variableOf().get(active.get(k))).add(k + 1);
		}
		List<VariableTest> tests = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> e : byVariable.entrySet()) {
			List<Integer> idx = e.getValue();
			int df = idx.size();
			if (df == 0) {
				tests.add(new VariableTest(e.getKey(), 0, Double.NaN, Double.NaN));
				continue;
			}
			double[][] sub = new double[df][df];
			double[] b = new double[df];
			for (int i = 0; i < df; i++) {
				b[i] = beta[idx.get(i)];
				for (int j = 0; j < df; j++) {
					sub[i][j] = cov[idx.get(i)][idx.get(j)];
				}
			}
			double[] x = Linear.solve(sub, b);
			double chi = 0;
			for (int i = 0; i < df; i++) {
				chi += b[i] * x[i];
			}
			double p = (df == 1) ? twoSidedP(Math.sqrt(Math.max(chi, 0)))
					: 1 - new ChiSquaredDistribution(df).cumulativeProbability(chi);
			tests.add(new VariableTest(e.getKey(), df, chi, p));
		}
		return tests;
	}

}
