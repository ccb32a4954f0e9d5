package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.Map;

import io.churnguard.app.notification.NotificationLevel;

/**
 * WeCom (企业微信) group robot: {@code {"msgtype":"markdown","markdown":{"content":…}}} with
 * at most 4096 bytes of content. The robot's key in the URL is its only credential; WeCom
 * does not sign, so a configured secret is not used.
 */
final class WeComFormat extends WebhookFormat {

	static final int MAX_CONTENT_BYTES = 4096;

	@Override
	WebhookRequest request(MessageContent content, String secret, Instant now, long deliveryId) {
		StringBuilder markdown = new StringBuilder("### ");
		if (content.level() != NotificationLevel.INFO) {
			markdown.append("<font color=\"")
				.append(colour(content.level()))
				.append("\">【")
				.append(content.levelLabel())
				.append("】</font>");
		}
		markdown.append(content.title()).append('\n');
		if (!content.body().isBlank()) {
			markdown.append(content.body()).append('\n');
		}
		for (MessageContent.Field fact : content.facts()) {
			markdown.append("> ")
				.append(fact.label())
				.append("：<font color=\"comment\">")
				.append(fact.value())
				.append("</font>\n");
		}
		if (content.hasAbsoluteLink()) {
			markdown.append('[').append(content.linkLabel()).append("](").append(content.link()).append(")\n");
		}
		markdown.append("<font color=\"comment\">").append(content.footer()).append("</font>");
		String body = json(Map.of("msgtype", "markdown", "markdown",
				Map.of("content", truncateUtf8(markdown.toString(), MAX_CONTENT_BYTES))));
		return new WebhookRequest(body, jsonHeaders(), null);
	}

	@Override
	String rejection(String responseBody) {
		return errorCode(responseBody, "errcode", "errmsg");
	}

	/**
	 * WeCom markdown knows three colours: warning (orange-red), comment (grey), info
	 * (green).
	 */
	private static String colour(NotificationLevel level) {
		return switch (level) {
			case I, II, III -> "warning";
			case IV -> "comment";
			case INFO -> "info";
		};
	}

}
