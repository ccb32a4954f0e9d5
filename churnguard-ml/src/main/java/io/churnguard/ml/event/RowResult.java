package io.churnguard.ml.event;

import java.util.List;

/**
 * The outcome of parsing one CSV row: a value, or every error found in the row (not just
 * the first), so an importer can report them all at once.
 *
 * @param <T> the type of a parsed row
 * @param value the parsed value, null when the row has errors
 * @param errors the errors, empty when the row is valid
 */
public record RowResult<T>(T value, List<CsvError> errors) {

	public RowResult {
		errors = List.copyOf(errors);
		if ((value == null) == errors.isEmpty()) {
			throw new IllegalArgumentException("a row result has either a value or errors");
		}
	}

	/** Whether the row parsed. */
	public boolean isValid() {
		return this.value != null;
	}

}
