package io.churnguard.app.event;

import java.util.Locale;
import java.util.Optional;

/**
 * The event log's fields by their file and API names, in the order of the default
 * events.csv.
 */
public enum EventField {

	EVENT_ID(true), CUSTOMER_ID(true), EVENT_TIME(true), EVENT_TYPE(true), SUBTYPE(false), AMOUNT(false),
	QUANTITY(false), ATTRIBUTES(false);

	// Looked up for every field of every imported row: computed once.
	private final String code = name().toLowerCase(Locale.ROOT);

	private final boolean required;

	EventField(boolean required) {
		this.required = required;
	}

	public String code() {
		return this.code;
	}

	public boolean required() {
		return this.required;
	}

	public static Optional<EventField> fromCode(String code) {
		for (EventField field : values()) {
			if (field.code().equalsIgnoreCase(code.strip())) {
				return Optional.of(field);
			}
		}
		return Optional.empty();
	}

}
