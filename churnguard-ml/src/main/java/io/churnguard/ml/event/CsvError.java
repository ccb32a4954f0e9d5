package io.churnguard.ml.event;

/**
 * One problem in one row of an imported CSV file, precise enough for a reject report: the
 * line, the column, the offending value and why it was rejected.
 *
 * @param line the 1-based line number where the record starts (the header is line 1)
 * @param column the column name, or {@code "-"} when the problem is the record's shape
 * @param value the offending value as read, empty when missing
 * @param reason why the value was rejected, e.g. "not a date (yyyy-MM-dd)"
 */
public record CsvError(long line, String column, String value, String reason) {

	@Override
	public String toString() {
		return "line " + this.line + ", column " + this.column + ", value '" + this.value + "': " + this.reason;
	}

}
