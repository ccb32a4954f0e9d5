package io.churnguard.bench.features;

import java.util.Arrays;

import io.churnguard.ml.feature.RowSink;

/**
 * The benchmark's feature output: one row per customer in customer order, numeric values
 * column by column, filled block by block. The engine materializes its result as DuckDB
 * does with {@code CREATE TABLE}, so neither side is timed without its output.
 */
final class FeatureMatrix {

	final double[][] numeric;

	final String[][] categorical;

	private int rows;

	FeatureMatrix(int numericColumns, int categoricalColumns, int customers) {
		this.numeric = new double[numericColumns][customers];
		this.categorical = new String[categoricalColumns][customers];
	}

	void append(BlockRows block) {
		int n = this.numeric.length;
		for (int r = 0; r < block.rows; r++) {
			for (int c = 0; c < n; c++) {
				this.numeric[c][this.rows] = block.numeric[r * n + c];
			}
			for (int c = 0; c < this.categorical.length; c++) {
				this.categorical[c][this.rows] = block.categorical[r * this.categorical.length + c];
			}
			this.rows++;
		}
	}

	int rows() {
		return this.rows;
	}

	/** Sum and count of non-NaN values per numeric column. */
	double[][] checksums() {
		double[][] sums = new double[2][this.numeric.length];
		for (int c = 0; c < this.numeric.length; c++) {
			for (int r = 0; r < this.rows; r++) {
				double value = this.numeric[c][r];
				if (!Double.isNaN(value)) {
					sums[0][c] += value;
					sums[1][c]++;
				}
			}
		}
		return sums;
	}

	/** One block's rows, row-major, as a {@link RowSink}. */
	static final class BlockRows implements RowSink {

		private final int numericColumns;

		private final int categoricalColumns;

		double[] numeric;

		String[] categorical;

		int rows;

		BlockRows(int numericColumns, int categoricalColumns, int expectedRows) {
			this.numericColumns = numericColumns;
			this.categoricalColumns = categoricalColumns;
			this.numeric = new double[numericColumns * expectedRows];
			this.categorical = new String[categoricalColumns * expectedRows];
		}

		@Override
		public void row(String customerId, int observationDay, int label, double[] numericValues,
				String[] categoricalValues) {
			if ((this.rows + 1) * this.numericColumns > this.numeric.length) {
				this.numeric = Arrays.copyOf(this.numeric, this.numeric.length * 2 + this.numericColumns);
				this.categorical = Arrays.copyOf(this.categorical,
						this.categorical.length * 2 + this.categoricalColumns);
			}
			System.arraycopy(numericValues, 0, this.numeric, this.rows * this.numericColumns, this.numericColumns);
			System.arraycopy(categoricalValues, 0, this.categorical, this.rows * this.categoricalColumns,
					this.categoricalColumns);
			this.rows++;
		}

	}

}
