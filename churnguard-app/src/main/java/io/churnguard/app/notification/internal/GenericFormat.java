package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any HTTP receiver: the notification as JSON. With a secret,
 * {@code X-ChurnGuard-Signature:
 * sha256=<hex HMAC-SHA256(secret, raw body)>}; the body carries the same
 * {@code timestamp} as {@code X-ChurnGuard-Timestamp}, so the signature covers it and a
 * receiver can refuse replays.
 */
final class GenericFormat extends WebhookFormat {

	static final String SIGNATURE = "X-ChurnGuard-Signature";

	static final String TIMESTAMP = "X-ChurnGuard-Timestamp";

	static final String DELIVERY = "X-ChurnGuard-Delivery";

	static final String EVENT = "X-ChurnGuard-Event";

	@Override
	WebhookRequest request(MessageContent content, String secret, Instant now, long deliveryId) {
		long timestamp = now.getEpochSecond();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("delivery", deliveryId);
		body.put("notification", content.id());
		body.put("kind", content.kind());
		body.put("level", content.level().name());
		body.put("levelLabel", content.levelLabel());
		body.put("title", content.title());
		body.put("body", content.body());
		body.put("facts", content.facts().stream().map(f -> Map.of("label", f.label(), "value", f.value())).toList());
		body.put("link", content.link());
		body.put("recipient", content.recipient());
		body.put("region", content.region());
		body.put("key", content.key());
		body.put("locale", content.languageTag());
		body.put("createdAt", content.createdAt());
		body.put("timestamp", timestamp);
		String json = json(body);
		Map<String, String> headers = new LinkedHashMap<>(jsonHeaders());
		headers.put(TIMESTAMP, Long.toString(timestamp));
		headers.put(DELIVERY, Long.toString(deliveryId));
		headers.put(EVENT, content.kind());
		if (secret != null && !secret.isEmpty()) {
			headers.put(SIGNATURE, Signatures.generic(secret, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		return new WebhookRequest(json, headers, null);
	}

}
