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
 */
public record NumericEncoder(String source, double fill, boolean missingIndicator,
		Double dateReference) implements Encoder {

	@Override
	public List<String> outputs() {
		List<String> names = new ArrayList<>();
		names.add((this.dateReference != null) ? this.source + " (days before)" : this.source);
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
		for (int r = 0; r < v.length; r++) {
			double x = transform(v[r]);
			boolean missing = Double.isNaN(x);
			out[r * stride + offset] = (float) ((missing && impute) ? this.fill : x);
			if (this.missingIndicator) {
				out[r * stride + offset + 1] = missing ? 1f : 0f;
			}
		}
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
