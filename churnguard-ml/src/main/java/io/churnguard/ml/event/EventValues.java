package io.churnguard.ml.event;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Field parsing shared by the events.csv and events Parquet readers, so that a text value
 * means the same in either file.
 */
final class EventValues {

	// Texts typed into spreadsheets carry raw line breaks; accept them inside JSON
	// strings.
	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	private EventValues() {
	}

	/**
	 * An ISO local date-time, or with a blank instead of the 'T' as spreadsheets write
	 * it.
	 * @param value the stripped, non-empty text
	 * @return the date-time, null when the text is not one
	 */
	static LocalDateTime dateTime(String value) {
		try {
			return LocalDateTime.parse((value.length() > 10 && value.charAt(10) == ' ')
					? value.substring(0, 10) + 'T' + value.substring(11) : value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The attributes column: a JSON object whose values are kept as text.
	 * @param text the stripped text, empty when absent
	 * @return the attributes (empty for an empty text), null when the text is not a JSON
	 * object
	 */
	static Map<String, String> attributes(String text) {
		if (text.isEmpty()) {
			return Map.of();
		}
		try {
			JsonNode node = JSON.readTree(text);
			if (node == null || !node.isObject()) {
				return null;
			}
			Map<String, String> attributes = new LinkedHashMap<>();
			node.fields()
				.forEachRemaining((entry) -> attributes.put(entry.getKey(),
						entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString()));
			return attributes;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
