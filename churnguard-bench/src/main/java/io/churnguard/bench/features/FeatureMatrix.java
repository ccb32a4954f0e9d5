package io.churnguard.bench.features;

import io.churnguard.ml.feature.RowSink;

/**
 * The benchmark's feature output: one row per customer in customer order, numeric values
 * column by column, filled by the worker threads. The engine materializes its result as
 * DuckDB does with {@code CREATE TABLE}, so neither side is timed without its output.
 */
final class FeatureMatrix implements RowSink {

	final double[][] numeric;

	final String[][] categorical;

	private int rows;

	FeatureMatrix(int numericColumns, int categoricalColumns, int customers) {
		this.numeric = new double[numericColumns][customers];
		this.categorical = new String[categoricalColumns][customers];
	}

	/**
	 * Stores a row at its customer's index. Workers write disjoint rows, so the output
	 * needs no copy in the submitting thread.
	 */
	@Override
	public void row(String customerId, int observationDay, int label, double[] numericValues,
			String[] categoricalValues) {
		int row = BenchDataset.customerIndex(customerId);
		for (int c = 0; c < numericValues.length; c++) {
			this.numeric[c][row] = numericValues[c];
		}
		for (int c = 0; c < categoricalValues.length; c++) {
			this.categorical[c][row] = categoricalValues[c];
		}
	}

	/** Counts the rows of a completed block; the rows themselves are already stored. */
	void completed(int rows) {
		this.rows += rows;
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

}
