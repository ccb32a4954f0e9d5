package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.Map;

/**
 * DingTalk (钉钉) custom robot:
 * {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}; with a secret ("加签"),
 * {@code timestamp} (milliseconds) and {@code sign} go into the query string. The footer
 * names ChurnGuard, so a robot secured by the keyword "ChurnGuard" accepts the messages
 * too.
 */
final class DingTalkFormat extends WebhookFormat {

	@Override
	WebhookRequest request(MessageContent content, String secret, Instant now, long deliveryId) {
		StringBuilder text = new StringBuilder("#### ").append(content.headline()).append("\n\n");
		if (!content.body().isBlank()) {
			text.append(content.body()).append("\n\n");
		}
		for (MessageContent.Field fact : content.facts()) {
			text.append("- **").append(fact.label()).append("**：").append(fact.value()).append('\n');
		}
		if (!content.facts().isEmpty()) {
			text.append('\n');
		}
		if (content.hasAbsoluteLink()) {
			text.append('[').append(content.linkLabel()).append("](").append(content.link()).append(")\n\n");
		}
		text.append("###### ").append(content.footer());
		String body = json(Map.of("msgtype", "markdown", "markdown",
				Map.of("title", content.headline(), "text", text.toString())));
		String query = null;
		if (secret != null && !secret.isEmpty()) {
			long timestamp = now.toEpochMilli();
			query = "timestamp=" + timestamp + "&sign=" + Signatures.dingTalk(secret, timestamp);
		}
		return new WebhookRequest(body, jsonHeaders(), query);
	}

	@Override
	String rejection(String responseBody) {
		return errorCode(responseBody, "errcode", "errmsg");
	}

}
