package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.notification.NotificationLevel;

/**
 * Feishu (飞书) custom bot: an interactive card ({@code msg_type: interactive}) with a
 * header coloured by level, the body, the facts as short fields, a button to the object
 * and the sender as a note. With a secret ("签名校验"), {@code timestamp} (seconds) and
 * {@code sign} go into the body.
 */
final class FeishuFormat extends WebhookFormat {

	@Override
	WebhookRequest request(MessageContent content, String secret, Instant now, long deliveryId) {
		List<Object> elements = new ArrayList<>();
		if (!content.body().isBlank()) {
			elements.add(Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", content.body())));
		}
		if (!content.facts().isEmpty()) {
			elements.add(Map.of("tag", "div", "fields",
					content.facts()
						.stream()
						.map(fact -> Map.of("is_short", true, "text",
								Map.of("tag", "lark_md", "content", "**" + fact.label() + "**\n" + fact.value())))
						.toList()));
		}
		if (content.hasAbsoluteLink()) {
			elements.add(Map.of("tag", "action", "actions", List.of(Map.of("tag", "button", "type", "primary", "url",
					content.link(), "text", Map.of("tag", "plain_text", "content", content.linkLabel())))));
		}
		elements
			.add(Map.of("tag", "note", "elements", List.of(Map.of("tag", "plain_text", "content", content.footer()))));
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("config", Map.of("wide_screen_mode", true));
		card.put("header", Map.of("template", template(content.level()), "title",
				Map.of("tag", "plain_text", "content", content.headline())));
		card.put("elements", elements);
		Map<String, Object> body = new LinkedHashMap<>();
		if (secret != null && !secret.isEmpty()) {
			long timestamp = now.getEpochSecond();
			body.put("timestamp", Long.toString(timestamp));
			body.put("sign", Signatures.feishu(secret, timestamp));
		}
		body.put("msg_type", "interactive");
		body.put("card", card);
		return new WebhookRequest(json(body), jsonHeaders(), null);
	}

	@Override
	String rejection(String responseBody) {
		String code = errorCode(responseBody, "code", "msg");
		// Older bot versions answer with StatusCode only.
		return (code != null) ? code : errorCode(responseBody, "StatusCode", "StatusMessage");
	}

	static String template(NotificationLevel level) {
		return switch (level) {
			case I -> "red";
			case II -> "orange";
			case III -> "yellow";
			case IV -> "blue";
			case INFO -> "grey";
		};
	}

}
