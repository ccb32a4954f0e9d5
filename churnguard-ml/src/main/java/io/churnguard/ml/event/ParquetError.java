package io.churnguard.ml.event;

/**
 * One problem in an events Parquet file, precise enough for a reject report: where (row
 * group and row, or the file's schema), the column, the offending value and why it was
 * rejected.
 *
 * @param rowGroup the 0-based row group, {@code -1} for a problem of the schema
 * @param row the 0-based row in the file (as pyarrow, DuckDB and Spark number them),
 * {@code -1} for a problem of the schema
 * @param column the column name
 * @param value the offending value as read (for a schema problem, the column's type),
 * empty when missing
 * @param reason why it was rejected, e.g. "unknown event type"
 */
public record ParquetError(int rowGroup, long row, String column, String value, String reason) {

	/**
	 * A problem of the file's schema: a missing column or one of an unusable type.
	 * @param column the column
	 * @param type the column's type as the file declares it, empty when missing
	 * @param reason why the file cannot be read
	 * @return the error
	 */
	public static ParquetError schema(String column, String type, String reason) {
		return new ParquetError(-1, -1, column, type, reason);
	}

	/** Whether the problem is the file's schema rather than one row. */
	public boolean isSchemaError() {
		return this.row < 0;
	}

	@Override
	public String toString() {
		if (isSchemaError()) {
			return "schema, column " + this.column + (this.value.isEmpty() ? "" : ", type '" + this.value + "'") + ": "
					+ this.reason;
		}
		return "row group " + this.rowGroup + ", row " + this.row + ", column " + this.column + ", value '" + this.value
				+ "': " + this.reason;
	}

}
