package io.churnguard.ml.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Passes a number through. Dates become "days before the reference date" (the latest date
 * seen in training), which keeps a model valid as calendar time moves on in the same
 * direction. With imputation, a missing value becomes the training median and an
 * indicator column says it was missing; without it, NaN reaches the model (trees route it
 * themselves).
 *
 * @param source the source column
 * @param fill the value used for missing, NaN for none
 * @param missingIndicator whether a "(missing)" indicator column follows
 * @param dateReference for dates, the reference epoch day; otherwise null
 * @param knots knots of a restricted cubic spline (Harrell) of the value, which adds
 * {@code knots.length - 2} smooth non-linear terms after the value; null for none
 */
public record NumericEncoder(String source, double fill, boolean missingIndicator, Double dateReference,
		double[] knots) implements Encoder {

	@Override
	public List<String> outputs() {
		List<String> names = new ArrayList<>();
		names.add((this.dateReference != null) ? this.source + " (days before)" : this.source);
		if (this.knots != null) {
			for (int k = 1; k <= this.knots.length - 2; k++) {
				names.add(this.source + " (spline " + k + ")");
			}
		}
		if (this.missingIndicator) {
			names.add(this.source + " (missing)");
		}
		return names;
	}

	/**
	 * The value a number contributes, before imputation.
	 * @param raw the raw value
	 * @return the encoded value, NaN when missing
	 */
	public double transform(double raw) {
		return (this.dateReference != null) ? this.dateReference - raw : raw;
	}

	@Override
	public void encode(Column column, float[] out, int stride, int offset) {
		double[] v = numericValues(column);
		boolean impute = !Double.isNaN(this.fill);
		int splines = (this.knots != null) ? this.knots.length - 2 : 0;
		for (int r = 0; r < v.length; r++) {
			double x = transform(v[r]);
			boolean missing = Double.isNaN(x);
			double value = (missing && impute) ? this.fill : x;
			int at = r * stride + offset;
			out[at] = (float) value;
			for (int k = 0; k < splines; k++) {
				out[at + 1 + k] = (float) splineTerm(value, k);
			}
			if (this.missingIndicator) {
				out[at + 1 + splines] = missing ? 1f : 0f;
			}
		}
	}

	/**
	 * The k-th term of the restricted cubic spline: cubic between the knots, linear
	 * beyond the outer ones, scaled by the squared knot range so terms stay of the
	 * value's order.
	 */
	private double splineTerm(double x, int k) {
		double[] t = this.knots;
		int m = t.length;
		double last = t[m - 1];
		double before = t[m - 2];
		double term = cube(x - t[k]) - cube(x - before) * (last - t[k]) / (last - before)
				+ cube(x - last) * (before - t[k]) / (last - before);
		return term / ((last - t[0]) * (last - t[0]));
	}

	private static double cube(double v) {
		return (v > 0) ? v * v * v : 0;
	}

	/**
	 * Values of a column as numbers; a categorical column of numbers is read as numbers.
	 */
	static double[] numericValues(Column column) {
		if (column instanceof NumericColumn n) {
			return n.values();
		}
		double[] v = new double[column.size()];
		for (int r = 0; r < v.length; r++) {
			String t = column.text(r);
			v[r] = (t == null) ? Double.NaN : Cells.parseNumber(t);
		}
		return v;
	}

}
