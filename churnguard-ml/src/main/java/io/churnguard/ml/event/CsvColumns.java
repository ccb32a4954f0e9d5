package io.churnguard.ml.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a CSV header by name, and the typed field parsing shared by the event
 * and customer readers. Each parse records an error instead of throwing, so one pass
 * reports every problem of a row.
 */
final class CsvColumns {

	private final List<String> names;

	private final Map<String, Integer> index = new HashMap<>();

	CsvColumns(List<String> header) {
		this.names = new ArrayList<>(header.size());
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT);
			this.names.add(name);
			this.index.putIfAbsent(name, i);
		}
	}

	List<CsvError> missing(List<String> required) {
		List<CsvError> errors = new ArrayList<>();
		for (String column : required) {
			if (!this.index.containsKey(column)) {
				errors.add(new CsvError(1, column, "", "required column missing from the header"));
			}
		}
		return errors;
	}

	List<String> names() {
		return this.names;
	}

	int size() {
		return this.names.size();
	}

	boolean has(String column) {
		return this.index.containsKey(column);
	}

	/** Reads the typed fields of one record, collecting errors. */
	final class Row {

		final long line;

		final List<String> fields;

		final List<CsvError> errors = new ArrayList<>(2);

		Row(long line, List<String> fields) {
			this.line = line;
			this.fields = fields;
			if (fields.size() != CsvColumns.this.names.size()) {
				this.errors.add(new CsvError(line, "-", String.valueOf(fields.size()),
						"expected " + CsvColumns.this.names.size() + " fields, found " + fields.size()));
			}
		}

		/** The raw value, stripped; empty when the column or the field is absent. */
		String text(String column) {
			Integer i = CsvColumns.this.index.get(column);
			return (i == null || i >= this.fields.size()) ? "" : this.fields.get(i).strip();
		}

		String required(String column) {
			String value = text(column);
			if (value.isEmpty()) {
				error(column, value, "required value missing");
			}
			return value;
		}

		String optional(String column) {
			String value = text(column);
			return value.isEmpty() ? null : value;
		}

		double decimal(String column) {
			String value = text(column);
			if (value.isEmpty()) {
				return Double.NaN;
			}
			try {
				double parsed = Double.parseDouble(value);
				if (Double.isFinite(parsed)) {
					return parsed;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			error(column, value, "not a decimal number");
			return Double.NaN;
		}

		Integer integer(String column) {
			String value = text(column);
			if (value.isEmpty()) {
				return null;
			}
			try {
				return Integer.valueOf(value);
			}
			catch (NumberFormatException ex) {
				error(column, value, "not a whole number");
				return null;
			}
		}

		LocalDate date(String column, boolean required) {
			String value = required ? required(column) : text(column);
			if (value.isEmpty()) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				error(column, value, "not a date (yyyy-MM-dd)");
				return null;
			}
		}

		LocalDateTime dateTime(String column) {
			String value = required(column);
			if (value.isEmpty()) {
				return null;
			}
			LocalDateTime parsed = EventValues.dateTime(value);
			if (parsed == null) {
				error(column, value, "not a date-time (yyyy-MM-ddTHH:mm:ss)");
			}
			return parsed;
		}

		void error(String column, String value, String reason) {
			this.errors.add(new CsvError(this.line, column, value, reason));
		}

	}

}
