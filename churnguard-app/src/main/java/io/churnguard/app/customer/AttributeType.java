package io.churnguard.app.customer;

import java.util.Locale;

import io.churnguard.app.platform.values.FieldValues;

/**
 * The type of a custom attribute, which decides how its raw values are read and stored.
 */
public enum AttributeType {

	TEXT, NUMBER, BOOLEAN, DATE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static AttributeType fromCode(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

	/** Reads a raw value into what is stored in the customer's JSON attributes. */
	public Object parse(String raw) {
		return switch (this) {
			case TEXT -> FieldValues.text(raw);
			case NUMBER -> FieldValues.number(raw);
			case BOOLEAN -> FieldValues.bool(raw);
			case DATE -> {
				var date = FieldValues.date(raw);
				yield (date != null) ? date.toString() : null;
			}
		};
	}

}
