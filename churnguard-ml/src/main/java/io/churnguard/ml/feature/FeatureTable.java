package io.churnguard.ml.feature;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of features, column by column: customer id, observation date, numeric columns,
 * categorical columns and a label. The output of batch runs and of the
 * {@link TrainingSetBuilder}, simple enough to bridge into any modelling frame.
 */
public final class FeatureTable {

	private final List<String> numericNames;

	private final List<String> categoricalNames;

	private final int rows;

	private final String[] customerIds;

	private final int[] observationDays;

	private final int[] labels;

	private final double[][] numeric;

	private final String[][] categorical;

	private FeatureTable(Builder builder) {
		this.numericNames = builder.featureSet.numericNames();
		this.categoricalNames = builder.featureSet.categoricalNames();
		this.rows = builder.rows;
		this.customerIds = Arrays.copyOf(builder.customerIds, this.rows);
		this.observationDays = Arrays.copyOf(builder.observationDays, this.rows);
		this.labels = Arrays.copyOf(builder.labels, this.rows);
		this.numeric = new double[builder.numeric.length][];
		for (int c = 0; c < this.numeric.length; c++) {
			this.numeric[c] = Arrays.copyOf(builder.numeric[c], this.rows);
		}
		this.categorical = new String[builder.categorical.length][];
		for (int c = 0; c < this.categorical.length; c++) {
			this.categorical[c] = Arrays.copyOf(builder.categorical[c], this.rows);
		}
	}

	/**
	 * An empty builder for a feature set's columns.
	 * @param featureSet the features
	 * @return the builder
	 */
	public static Builder builder(FeatureSet featureSet) {
		return new Builder(featureSet);
	}

	/** The number of rows. */
	public int rowCount() {
		return this.rows;
	}

	/** Numeric column names, in column order. */
	public List<String> numericNames() {
		return this.numericNames;
	}

	/** Categorical column names, in column order. */
	public List<String> categoricalNames() {
		return this.categoricalNames;
	}

	/**
	 * A row's customer.
	 * @param row the row
	 * @return the customer id
	 */
	public String customerId(int row) {
		return this.customerIds[row];
	}

	/**
	 * A row's observation date.
	 * @param row the row
	 * @return the date; features use events strictly before it
	 */
	public LocalDate observationDate(int row) {
		return LocalDate.ofEpochDay(this.observationDays[row]);
	}

	/**
	 * A row's label.
	 * @param row the row
	 * @return 1 churned, 0 stayed, -1 none
	 */
	public int label(int row) {
		return this.labels[row];
	}

	/**
	 * A numeric value.
	 * @param row the row
	 * @param column the numeric column
	 * @return the value, NaN when absent
	 */
	public double value(int row, int column) {
		return this.numeric[column][row];
	}

	/**
	 * A numeric column, copied.
	 * @param name the feature name
	 * @return the values by row
	 */
	public double[] column(String name) {
		int index = this.numericNames.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("no numeric column '" + name + "'");
		}
		return this.numeric[index].clone();
	}

	/**
	 * A categorical column, copied.
	 * @param name the feature name
	 * @return the categories by row, null when absent
	 */
	/**
	 * One categorical value.
	 * @param row the row
	 * @param column the categorical column's index, in {@link #categoricalNames()} order
	 * @return the value, or null when absent
	 */
	public String category(int row, int column) {
		return this.categorical[column][row];
	}

	public String[] categoricalColumn(String name) {
		int index = this.categoricalNames.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("no categorical column '" + name + "'");
		}
		return this.categorical[index].clone();
	}

	/** The labels by row, copied. */
	public int[] labels() {
		return this.labels.clone();
	}

	/**
	 * One row's numeric values.
	 * @param row the row
	 * @return the values in column order
	 */
	public double[] numericRow(int row) {
		double[] values = new double[this.numeric.length];
		for (int c = 0; c < values.length; c++) {
			values[c] = this.numeric[c][row];
		}
		return values;
	}

	/**
	 * One row's categories.
	 * @param row the row
	 * @return the categories in column order
	 */
	public String[] categoricalRow(int row) {
		String[] values = new String[this.categorical.length];
		for (int c = 0; c < values.length; c++) {
			values[c] = this.categorical[c][row];
		}
		return values;
	}

	/**
	 * Writes the table as CSV: {@code customer_id, observation_date}, the numeric and the
	 * categorical columns, then {@code label}. Absent values are empty fields.
	 * @param out where to write
	 * @throws IOException when writing fails
	 */
	public void writeCsv(Writer out) throws IOException {
		new FeatureTableCsvWriter(out).write(this);
	}

	/** Appends rows; also a {@link RowSink}, so a batch run can fill it directly. */
	public static final class Builder implements RowSink {

		private final FeatureSet featureSet;

		private int rows;

		private String[] customerIds = new String[64];

		private int[] observationDays = new int[64];

		private int[] labels = new int[64];

		private double[][] numeric;

		private String[][] categorical;

		private Builder(FeatureSet featureSet) {
			this.featureSet = featureSet;
			this.numeric = new double[featureSet.numericNames().size()][64];
			this.categorical = new String[featureSet.categoricalNames().size()][64];
		}

		@Override
		public void row(String customerId, int observationDay, int label, double[] numericValues,
				String[] categoricalValues) {
			ensureCapacity(this.rows + 1);
			this.customerIds[this.rows] = customerId;
			this.observationDays[this.rows] = observationDay;
			this.labels[this.rows] = label;
			for (int c = 0; c < this.numeric.length; c++) {
				this.numeric[c][this.rows] = numericValues[c];
			}
			for (int c = 0; c < this.categorical.length; c++) {
				this.categorical[c][this.rows] = categoricalValues[c];
			}
			this.rows++;
		}

		/**
		 * Appends every row of another builder.
		 * @param other the rows to append
		 */
		public void append(Builder other) {
			ensureCapacity(this.rows + other.rows);
			System.arraycopy(other.customerIds, 0, this.customerIds, this.rows, other.rows);
			System.arraycopy(other.observationDays, 0, this.observationDays, this.rows, other.rows);
			System.arraycopy(other.labels, 0, this.labels, this.rows, other.rows);
			for (int c = 0; c < this.numeric.length; c++) {
				System.arraycopy(other.numeric[c], 0, this.numeric[c], this.rows, other.rows);
			}
			for (int c = 0; c < this.categorical.length; c++) {
				System.arraycopy(other.categorical[c], 0, this.categorical[c], this.rows, other.rows);
			}
			this.rows += other.rows;
		}

		/** The number of rows so far. */
		public int rowCount() {
			return this.rows;
		}

		/** The table. */
		public FeatureTable build() {
			return new FeatureTable(this);
		}

		private void ensureCapacity(int needed) {
			if (needed <= this.customerIds.length) {
				return;
			}
			int capacity = Math.max(needed, this.customerIds.length * 2);
			this.customerIds = Arrays.copyOf(this.customerIds, capacity);
			this.observationDays = Arrays.copyOf(this.observationDays, capacity);
			this.labels = Arrays.copyOf(this.labels, capacity);
			for (int c = 0; c < this.numeric.length; c++) {
				this.numeric[c] = Arrays.copyOf(this.numeric[c], capacity);
			}
			for (int c = 0; c < this.categorical.length; c++) {
				this.categorical[c] = Arrays.copyOf(this.categorical[c], capacity);
			}
		}

	}

}
