package io.churnguard.app.notification.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What to send to a webhook: the JSON body, extra headers, and query parameters (already
 * URL-encoded) to append to the configured URL.
 */
record WebhookRequest(String body, Map<String, String> headers, String query) {

	WebhookRequest {
		headers = Map.copyOf(headers);
		query = (query != null) ? query : "";
	}

	byte[] bodyBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	/** The configured URL with the query parameters appended. */
	URI target(String url) {
		if (this.query.isEmpty()) {
			return URI.create(url);
		}
		return URI.create(url + (url.contains("?") ? "&" : "?") + this.query);
	}

}
