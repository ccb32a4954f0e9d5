package io.churnguard.ml.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measures of binary scores. Labels are 1 for churn; scores are probabilities of
 * churn.
 */
public final class Metrics {

	private static final double Z95 = 1.959963984540054;

	private Metrics() {
	}

	/**
	 * The area under the ROC curve, ties counted half.
	 * @param y the labels
	 * @param p the scores
	 * @return the AUC, NaN when one class is absent
	 */
	public static double auc(int[] y, double[] p) {
		return aucWithInterval(y, p)[0];
	}

	/**
	 * The AUC with its 95 % confidence interval by DeLong's method.
	 * @param y the labels
	 * @param p the scores
	 * @return {auc, lower, upper}
	 */
	public static double[] aucWithInterval(int[] y, double[] p) {
		int n = y.length;
		int n1 = 0;
		for (int v : y) {
			n1 += v;
		}
		int n0 = n - n1;
		if (n1 == 0 || n0 == 0) {
			return new double[] { Double.NaN, Double.NaN, Double.NaN };
		}
		double[] all = midranks(p);
		double[] pos = new double[n1];
		double[] neg = new double[n0];
		int[] posIdx = new int[n1];
		int[] negIdx = new int[n0];
		int a = 0;
		int b = 0;
		for (int i = 0; i < n; i++) {
			if (y[i] == 1) {
				posIdx[a] = i;
				pos[a++] = p[i];
			}
			else {
				negIdx[b] = i;
				neg[b++] = p[i];
			}
		}
		double[] rPos = midranks(pos);
		double[] rNeg = midranks(neg);
		double sumRankPos = 0;
		double[] v10 = new double[n1];
		double[] v01 = new double[n0];
		for (int i = 0; i < n1; i++) {
			sumRankPos += all[posIdx[i]];
			v10[i] = (all[posIdx[i]] - rPos[i]) / n0;
		}
		for (int j = 0; j < n0; j++) {
			v01[j] = 1 - (all[negIdx[j]] - rNeg[j]) / n1;
		}
		double auc = (sumRankPos - (double) n1 * (n1 + 1) / 2) / ((double) n1 * n0);
		double var = variance(v10) / n1 + variance(v01) / n0;
		double half = Z95 * Math.sqrt(var);
		return new double[] { auc, Math.max(0, auc - half), Math.min(1, auc + half) };
	}

	private static double variance(double[] v) {
		if (v.length < 2) {
			return 0;
		}
		double m = 0;
		for (double x : v) {
			m += x;
		}
		m /= v.length;
		double s = 0;
		for (double x : v) {
			s += (x - m) * (x - m);
		}
		return s / (v.length - 1);
	}

	/** Ranks from 1, ties getting the mean of their ranks. */
	static double[] midranks(double[] x) {
		int n = x.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
		double[] ranks = new double[n];
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
				j++;
			}
			double r = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				ranks[order[k]] = r;
			}
			i = j + 1;
		}
		return ranks;
	}

	/**
	 * The area under the precision-recall curve as average precision.
	 * @param y the labels
	 * @param p the scores
	 * @return the average precision
	 */
	public static double averagePrecision(int[] y, double[] p) {
		int[] order = descending(p);
		int positives = 0;
		for (int v : y) {
			positives += v;
		}
		if (positives == 0) {
			return Double.NaN;
		}
		double ap = 0;
		int tp = 0;
		int seen = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			int tpGroup = 0;
			while (j < order.length && p[order[j]] == p[order[i]]) {
				tpGroup += y[order[j]];
				j++;
			}
			tp += tpGroup;
			seen = j;
			ap += ((double) tpGroup / positives) * ((double) tp / seen);
			i = j;
		}
		return ap;
	}

	/**
	 * The mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15].
	 * @param y the labels
	 * @param p the probabilities
	 * @return the log loss
	 */
	public static double logLoss(int[] y, double[] p) {
		double s = 0;
		for (int i = 0; i < y.length; i++) {
			double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
			s -= (y[i] == 1) ? Math.log(q) : Math.log(1 - q);
		}
		return s / y.length;
	}

	/**
	 * The mean squared error of the probabilities.
	 * @param y the labels
	 * @param p the probabilities
	 * @return the Brier score
	 */
	public static double brier(int[] y, double[] p) {
		double s = 0;
		for (int i = 0; i < y.length; i++) {
			double d = p[i] - y[i];
			s += d * d;
		}
		return s / y.length;
	}

	/**
	 * The confusion matrix when scores at or above a threshold predict churn.
	 * @param y the labels
	 * @param p the scores
	 * @param threshold the threshold
	 * @return the matrix
	 */
	public static ConfusionMatrix confusion(int[] y, double[] p, double threshold) {
		long tp = 0;
		long fp = 0;
		long tn = 0;
		long fn = 0;
		for (int i = 0; i < y.length; i++) {
			boolean predicted = p[i] >= threshold;
			if (predicted && y[i] == 1) {
				tp++;
			}
			else if (predicted) {
				fp++;
			}
			else if (y[i] == 1) {
				fn++;
			}
			else {
				tn++;
			}
		}
		return new ConfusionMatrix(tp, fp, tn, fn);
	}

	/**
	 * The calibration table: rows sorted by score in bins of equal size, each with its
	 * mean predicted probability and its observed churn rate.
	 * @param y the labels
	 * @param p the probabilities
	 * @param bins the number of bins
	 * @return the bins from lowest to highest score
	 */
	public static List<CalibrationBin> calibration(int[] y, double[] p, int bins) {
		int[] order = descending(p);
		int n = y.length;
		List<CalibrationBin> out = new ArrayList<>();
		for (int b = bins - 1; b >= 0; b--) {
			int from = (int) ((long) b * n / bins);
			int to = (int) ((long) (b + 1) * n / bins);
			if (to <= from) {
				continue;
			}
			double sp = 0;
			int pos = 0;
			for (int k = from; k < to; k++) {
				sp += p[order[k]];
				pos += y[order[k]];
			}
			int count = to - from;
			out.add(new CalibrationBin(count, sp / count, (double) pos / count, p[order[to - 1]], p[order[from]]));
		}
		return out;
	}

	/**
	 * The expected calibration error: the count-weighted mean gap between predicted and
	 * observed rates over the calibration bins.
	 * @param table the calibration table
	 * @return the error
	 */
	public static double expectedCalibrationError(List<CalibrationBin> table) {
		double n = 0;
		double s = 0;
		for (CalibrationBin b : table) {
			n += b.count();
			s += b.count() * Math.abs(b.meanPredicted() - b.observedRate());
		}
		return s / n;
	}

	/**
	 * Lift and cumulative gains by decile: customers sorted by score, highest first.
	 * @param y the labels
	 * @param p the scores
	 * @return ten rows, decile 1 the riskiest
	 */
	public static List<GainsRow> gains(int[] y, double[] p) {
		int[] order = descending(p);
		int n = y.length;
		int positives = 0;
		for (int v : y) {
			positives += v;
		}
		double base = (double) positives / n;
		List<GainsRow> rows = new ArrayList<>();
		int cumRows = 0;
		int cumPos = 0;
		for (int d = 0; d < 10; d++) {
			int from = (int) ((long) d * n / 10);
			int to = (int) ((long) (d + 1) * n / 10);
			int pos = 0;
			for (int k = from; k < to; k++) {
				pos += y[order[k]];
			}
			int count = to - from;
			cumRows += count;
			cumPos += pos;
			double rate = (count == 0) ? Double.NaN : (double) pos / count;
			rows.add(new GainsRow(d + 1, count, pos, rate, rate / base, (double) cumPos / Math.max(1, positives),
					((double) cumPos / cumRows) / base));
		}
		return rows;
	}

	/**
	 * Points of the ROC curve, at most about {@code maxPoints}.
	 * @param y the labels
	 * @param p the scores
	 * @param maxPoints the wanted resolution
	 * @return {false positive rate, true positive rate} pairs from (0,0) to (1,1)
	 */
	public static List<double[]> rocCurve(int[] y, double[] p, int maxPoints) {
		int[] order = descending(p);
		int positives = 0;
		for (int v : y) {
			positives += v;
		}
		int negatives = y.length - positives;
		List<double[]> points = new ArrayList<>();
		points.add(new double[] { 0, 0 });
		int tp = 0;
		int fp = 0;
		int step = Math.max(1, y.length / maxPoints);
		for (int k = 0; k < order.length; k++) {
			if (y[order[k]] == 1) {
				tp++;
			}
			else {
				fp++;
			}
			boolean boundary = k + 1 == order.length || p[order[k + 1]] != p[order[k]];
			if (boundary && (k % step == 0 || k + 1 == order.length)) {
				points.add(new double[] { (double) fp / Math.max(1, negatives), (double) tp / Math.max(1, positives) });
			}
		}
		return points;
	}

	static int[] descending(double[] p) {
		Integer[] order = new Integer[p.length];
		for (int i = 0; i < p.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (i, j) -> Double.compare(p[j], p[i]));
		int[] out = new int[p.length];
		for (int i = 0; i < p.length; i++) {
			out[i] = order[i];
		}
		return out;
	}

}
