package io.churnguard.ml.sim;

/**
 * Builds the {@code attributes} column of events.csv: a JSON object of string values,
 * already quoted as a CSV field. The simulator builds almost all of them once, up front,
 * and copies the bytes for every event.
 */
final class AttributeJson {

	private AttributeJson() {
	}

	/**
	 * The CSV field bytes of a JSON object made of key/value pairs.
	 * @param keyValues alternating keys and values
	 */
	static byte[] field(String... keyValues) {
		return CsvBuffer.utf8Field(json(keyValues));
	}

	static String json(String... keyValues) {
		StringBuilder json = new StringBuilder(64).append('{');
		for (int i = 0; i < keyValues.length; i += 2) {
			if (i > 0) {
				json.append(',');
			}
			appendString(json, keyValues[i]);
			json.append(':');
			appendString(json, keyValues[i + 1]);
		}
		return json.append('}').toString();
	}

	private static void appendString(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

}
