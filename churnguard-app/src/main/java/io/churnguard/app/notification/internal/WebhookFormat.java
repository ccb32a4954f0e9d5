package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one kind of receiver wants its messages: the body, the signature, and how it says a
 * message was refused.
 */
abstract class WebhookFormat {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @param content the notification in the webhook's language
	 * @param secret the signing secret, or null to send unsigned
	 * @param now the time to sign with
	 * @param deliveryId the outbox row, for receivers that de-duplicate retries
	 */
	abstract WebhookRequest request(MessageContent content, String secret, Instant now, long deliveryId);

	/**
	 * Why a receiver's 2xx answer still means "not delivered": robot platforms answer 200
	 * with an error code in the body.
	 * @return the reason, or null when the message was accepted
	 */
	String rejection(String responseBody) {
		return null;
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * The platform's error code field of a JSON answer, when it is there and not 0.
	 * @return a description of the error, or null when accepted
	 */
	static String errorCode(String responseBody, String codeField, String messageField) {
		JsonNode answer;
		try {
			answer = JSON.readTree(responseBody);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (answer == null || !answer.has(codeField)) {
			return null;
		}
		JsonNode code = answer.get(codeField);
		if (code.isNumber() && code.asLong() == 0 || code.isString() && "0".equals(code.asString())) {
			return null;
		}
		JsonNode message = answer.get(messageField);
		return codeField + " " + code.asString() + ((message != null) ? ": " + message.asString() : "");
	}

	/**
	 * Cuts a text to a byte budget without splitting a character (WeCom counts bytes).
	 */
	static String truncateUtf8(String text, int maxBytes) {
		byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		if (bytes.length <= maxBytes) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		int used = 0;
		int budget = maxBytes - 3;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int size = new String(Character.toChars(codePoint))
				.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			out.appendCodePoint(codePoint);
			used += size;
			i += Character.charCount(codePoint);
		}
		return out.append('…').toString();
	}

	static Map<String, String> jsonHeaders() {
		return Map.of("Content-Type", "application/json; charset=utf-8");
	}

}
