package io.churnguard.ml.data;

import java.util.List;

/**
 * The numeric matrix a model sees: rows by design columns, row-major, as 32-bit floats
 * (the precision XGBoost works in). Each design column remembers the source column it was
 * made from, so that explanations can speak of "Contract" rather than of
 * "Contract=Month-to-month".
 *
 * @param rows the number of rows
 * @param names the design column names, e.g. {@code tenure} or {@code Contract=One year}
 * @param sourceOf for each design column, the index of its source in {@code sources}
 * @param sources the source column names
 * @param data the values, {@code data[row * names.size() + column]}; NaN is missing
 */
public record DesignMatrix(int rows, List<String> names, int[] sourceOf, List<String> sources, float[] data) {

	/** The number of design columns. */
	public int columns() {
		return this.names.size();
	}

	/**
	 * One value.
	 * @param row the row
	 * @param column the design column
	 * @return the value
	 */
	public float get(int row, int column) {
		return this.data[row * this.names.size() + column];
	}

	/**
	 * The rows at the given indices.
	 * @param rowIndices the rows wanted
	 * @return a new matrix
	 */
	public DesignMatrix rows(int[] rowIndices) {
		int p = columns();
		float[] out = new float[rowIndices.length * p];
		for (int i = 0; i < rowIndices.length; i++) {
			System.arraycopy(this.data, rowIndices[i] * p, out, i * p, p);
		}
		return new DesignMatrix(rowIndices.length, this.names, this.sourceOf, this.sources, out);
	}

}
