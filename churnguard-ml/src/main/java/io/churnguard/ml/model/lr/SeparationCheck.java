package io.churnguard.ml.model.lr;

import java.util.ArrayList;
import java.util.List;

/**
 * Detects (quasi-)separation after an unpenalized fit, the way a careful analyst reads
 * R's "fitted probabilities numerically 0 or 1 occurred": rows fitted at 0 or 1, together
 * with coefficients that are huge on the standardized scale. When every row is fitted
 * correctly with certainty, the separation is complete.
 */
final class SeparationCheck {

	/** Numerically 0 or 1. */
	private static final double EDGE = 1e-8;

	/**
	 * A standardized coefficient beyond which the log-odds change by more than e^8 per
	 * SD.
	 */
	private static final double HUGE = 8;

	private SeparationCheck() {
	}

	static Separation of(LogisticRegressionFit fit, LogisticData data) {
		int n = data.rows();
		double[] b = fit.estimates();
		double[] eta = new double[n];
		java.util.Arrays.fill(eta, b[0]);
		List<String> diverging = new ArrayList<>();
		for (int j = 0; j < data.columns().length; j++) {
			double[] x = data.columns()[j];
			double coef = b[j + 1];
			if (coef == 0) {
				continue;
			}
			double s = 0;
			double ss = 0;
			for (int r = 0; r < n; r++) {
				eta[r] += coef * x[r];
				s += x[r];
				ss += x[r] * x[r];
			}
			double sd = Math.sqrt(Math.max(0, ss / n - (s / n) * (s / n)));
			Coefficient c = fit.coefficients().get(j + 1);
			boolean hugeSe = c.standardError() > 50 * Math.max(1, Math.abs(c.estimate()))
					|| c.standardError() * sd > 1e3;
			if (Math.abs(coef * sd) > HUGE || hugeSe) {
				String variable = data.variableOf().get(j);
				if (!diverging.contains(variable)) {
					diverging.add(variable);
				}
			}
		}
		int edge = 0;
		int correct = 0;
		for (int r = 0; r < n; r++) {
			double p = 1 / (1 + Math.exp(-eta[r]));
			if (p < EDGE || p > 1 - EDGE) {
				edge++;
			}
			if ((eta[r] > 0) == (data.y()[r] == 1)) {
				correct++;
			}
		}
		if (edge == 0 || diverging.isEmpty()) {
			return Separation.NONE;
		}
		Separation.Kind kind = (correct == n) ? Separation.Kind.COMPLETE : Separation.Kind.QUASI_COMPLETE;
		return new Separation(kind, diverging, edge, null);
	}

}
