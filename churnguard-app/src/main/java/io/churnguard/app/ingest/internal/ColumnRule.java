package io.churnguard.app.ingest.internal;

import java.time.LocalDate;
import java.util.Map;

import io.churnguard.app.platform.values.FieldValues;
import io.churnguard.app.platform.values.InvalidValueException;

/**
 * How one target field is read from a source record: which column, optionally translated
 * through a table of values, converted from a number of months before a reference date,
 * or fixed.
 *
 * @param column the source column, or null for a constant
 * @param values source value → target value (e.g. {@code Male: M}); values not listed
 * pass through
 * @param monthsBefore when set, the column holds a number of months (e.g. tenure) and the
 * field is this date minus that many months
 * @param constant a fixed value for every record
 * @param defaultValue used when the column is blank
 */
record ColumnRule(String column, Map<String, String> values, LocalDate monthsBefore, String constant,
		String defaultValue) {

	ColumnRule {
		values = (values != null) ? Map.copyOf(values) : Map.of();
	}

	static ColumnRule of(String column) {
		return new ColumnRule(column, Map.of(), null, null, null);
	}

	String apply(SourceRecord record) {
		if (this.constant != null) {
			return this.constant;
		}
		String raw = record.get(this.column);
		String value = FieldValues.text(raw);
		if (value == null) {
			return this.defaultValue;
		}
		String translated = this.values.getOrDefault(value, value);
		if (this.monthsBefore != null) {
			Integer months = FieldValues.integer(translated);
			if (months < 0) {
				throw new InvalidValueException("a number of months must not be negative");
			}
			return this.monthsBefore.minusMonths(months).toString();
		}
		return translated;
	}

}
