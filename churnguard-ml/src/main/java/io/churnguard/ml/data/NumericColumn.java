package io.churnguard.ml.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A column of numbers. Booleans are stored as 1/0 with the labels they were read from,
 * dates as days since 1970-01-01; missing values are {@link Double#NaN}.
 */
public final class NumericColumn implements Column {

	private final String name;

	private final ColumnType type;

	private final double[] values;

	private final String trueLabel;

	private final String falseLabel;

	private NumericColumn(String name, ColumnType type, double[] values, String trueLabel, String falseLabel) {
		this.name = Objects.requireNonNull(name, "name");
		this.type = type;
		this.values = values;
		this.trueLabel = trueLabel;
		this.falseLabel = falseLabel;
	}

	/**
	 * A numeric column.
	 * @param name the name
	 * @param values the values, NaN for missing; not copied
	 * @return the column
	 */
	public static NumericColumn of(String name, double[] values) {
		return new NumericColumn(name, ColumnType.NUMERIC, values, null, null);
	}

	/**
	 * A boolean column stored as 1 (true) and 0 (false).
	 * @param name the name
	 * @param values 1, 0 or NaN
	 * @param trueLabel how a true value was written, e.g. {@code Yes}
	 * @param falseLabel how a false value was written, e.g. {@code No}
	 * @return the column
	 */
	public static NumericColumn ofBoolean(String name, double[] values, String trueLabel, String falseLabel) {
		return new NumericColumn(name, ColumnType.BOOLEAN, values, trueLabel, falseLabel);
	}

	/**
	 * A date column.
	 * @param name the name
	 * @param epochDays days since 1970-01-01, NaN for missing
	 * @return the column
	 */
	public static NumericColumn ofDates(String name, double[] epochDays) {
		return new NumericColumn(name, ColumnType.DATE, epochDays, null, null);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public ColumnType type() {
		return this.type;
	}

	@Override
	public int size() {
		return this.values.length;
	}

	/**
	 * The value of a row.
	 * @param row the row index
	 * @return the value, NaN when missing
	 */
	public double get(int row) {
		return this.values[row];
	}

	/**
	 * The backing array, not copied: callers must not modify it.
	 * @return the values
	 */
	public double[] values() {
		return this.values;
	}

	/** How a true value was written, for boolean columns; otherwise null. */
	public String trueLabel() {
		return this.trueLabel;
	}

	/** How a false value was written, for boolean columns; otherwise null. */
	public String falseLabel() {
		return this.falseLabel;
	}

	@Override
	public boolean isMissing(int row) {
		return Double.isNaN(this.values[row]);
	}

	@Override
	public String text(int row) {
		double v = this.values[row];
		if (Double.isNaN(v)) {
			return null;
		}
		return switch (this.type) {
			case BOOLEAN -> (v != 0) ? this.trueLabel : this.falseLabel;
			case DATE -> LocalDate.ofEpochDay((long) v).toString();
			default -> formatNumber(v);
		};
	}

	/**
	 * A number as people write it: integers without a decimal point, others with at most
	 * four significant decimals.
	 * @param v the number
	 * @return the text
	 */
	public static String formatNumber(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return Long.toString((long) v);
		}
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return Double.toString(v);
		}
		// Half-up on the exact binary value, as %.4f rounds, without the cost of a
		// Formatter.
		String s = new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
		return s.equals("-0") ? "0" : s;
	}

	@Override
	public NumericColumn select(int[] rows) {
		double[] out = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			out[i] = this.values[rows[i]];
		}
		return new NumericColumn(this.name, this.type, out, this.trueLabel, this.falseLabel);
	}

	@Override
	public NumericColumn rename(String newName) {
		return new NumericColumn(newName, this.type, this.values, this.trueLabel, this.falseLabel);
	}

}
