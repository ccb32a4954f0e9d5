package io.churnguard.app.event;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.FieldValues;
import io.churnguard.app.platform.values.InvalidValueException;
import io.churnguard.app.platform.values.Parsed;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns raw field values (a file row after mapping, an API item) into an {@link Event},
 * collecting every field error. The one place that decides what a valid event is.
 */
public final class EventFields {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final LocalDateTime EARLIEST = LocalDateTime.of(1990, 1, 1, 0, 0);

	private EventFields() {
	}

	/**
	 * @param raw values by field code ({@code event_id}, {@code event_time} …)
	 * @param zone the business's time zone, for times that carry an offset
	 * @param latest the latest acceptable time (events from the future are refused)
	 * @return the event, or every field error
	 */
	public static Parsed<Event> parse(Map<String, String> raw, ZoneId zone, LocalDateTime latest) {
		List<FieldError> errors = new ArrayList<>();
		String eventId = id(raw, EventField.EVENT_ID, errors);
		String customerId = id(raw, EventField.CUSTOMER_ID, errors);
		LocalDateTime time = null;
		String timeValue = raw.get(EventField.EVENT_TIME.code());
		if (FieldValues.text(timeValue) == null) {
			errors.add(new FieldError(EventField.EVENT_TIME.code(), timeValue, "is required"));
		}
		else {
			try {
				time = FieldValues.dateTime(timeValue, zone);
				if (time.isBefore(EARLIEST) || time.isAfter(latest)) {
					errors.add(new FieldError(EventField.EVENT_TIME.code(), timeValue,
							"is outside the plausible range (1990 to now)"));
					time = null;
				}
			}
			catch (InvalidValueException ex) {
				errors.add(new FieldError(EventField.EVENT_TIME.code(), timeValue, ex.getMessage()));
			}
		}
		EventType type = null;
		String typeValue = raw.get(EventField.EVENT_TYPE.code());
		if (FieldValues.text(typeValue) == null) {
			errors.add(new FieldError(EventField.EVENT_TYPE.code(), typeValue, "is required"));
		}
		else {
			try {
				type = EventType.fromCode(typeValue);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError(EventField.EVENT_TYPE.code(), typeValue,
						"unknown event type (expected usage, bill, payment, order, complaint, contact, digital, "
								+ "plan_change, churn or custom)"));
			}
		}
		String subtype = FieldValues.text(raw.get(EventField.SUBTYPE.code()));
		if (subtype != null && subtype.length() > 32) {
			errors.add(new FieldError(EventField.SUBTYPE.code(), subtype, "longer than 32 characters"));
		}
		double amount = number(raw, EventField.AMOUNT, errors);
		double quantity = number(raw, EventField.QUANTITY, errors);
		Map<String, String> attributes = attributes(raw.get(EventField.ATTRIBUTES.code()), errors);
		if (!errors.isEmpty()) {
			return Parsed.failed(errors);
		}
		return Parsed.ok(new Event(eventId, customerId, time, type, subtype, amount, quantity, attributes));
	}

	private static String id(Map<String, String> raw, EventField field, List<FieldError> errors) {
		String value = FieldValues.text(raw.get(field.code()));
		if (value == null) {
			errors.add(new FieldError(field.code(), raw.get(field.code()), "is required"));
			return null;
		}
		if (!FieldValues.isId(value)) {
			errors.add(new FieldError(field.code(), value,
					"not a valid id (letters, digits and _ . : - only, at most 64)"));
			return null;
		}
		return value;
	}

	private static double number(Map<String, String> raw, EventField field, List<FieldError> errors) {
		String value = raw.get(field.code());
		try {
			Double number = FieldValues.number(value);
			if (number != null && Math.abs(number) >= 1e12) {
				errors.add(new FieldError(field.code(), value, "is implausibly large"));
				return Double.NaN;
			}
			return (number != null) ? number : Double.NaN;
		}
		catch (InvalidValueException ex) {
			errors.add(new FieldError(field.code(), value, ex.getMessage()));
			return Double.NaN;
		}
	}

	private static Map<String, String> attributes(String value, List<FieldError> errors) {
		String text = FieldValues.text(value);
		if (text == null) {
			return Map.of();
		}
		try {
			JsonNode node = JSON.readTree(text);
			if (!node.isObject()) {
				errors.add(new FieldError(EventField.ATTRIBUTES.code(), value, "not a JSON object"));
				return Map.of();
			}
			Map<String, String> attributes = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				JsonNode v = entry.getValue();
				attributes.put(entry.getKey(), v.isValueNode() ? v.asString() : v.toString());
			}
			return attributes;
		}
		catch (JacksonException ex) {
			errors.add(new FieldError(EventField.ATTRIBUTES.code(), value, "not valid JSON"));
			return Map.of();
		}
	}

}
