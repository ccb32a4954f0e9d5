package io.churnguard.app.platform.values;

import java.util.List;

/**
 * The outcome of parsing one record: the value, or every field error found (not only the
 * first, so a reject file tells the whole story of a bad row).
 */
public record Parsed<T>(T value, List<FieldError> errors) {

	public Parsed {
		errors = List.copyOf(errors);
		if ((value == null) == errors.isEmpty()) {
			throw new IllegalArgumentException("either a value or errors");
		}
	}

	public static <T> Parsed<T> ok(T value) {
		return new Parsed<>(value, List.of());
	}

	public static <T> Parsed<T> failed(List<FieldError> errors) {
		return new Parsed<>(null, errors);
	}

	public boolean isOk() {
		return this.value != null;
	}

}
