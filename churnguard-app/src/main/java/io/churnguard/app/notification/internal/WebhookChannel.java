package io.churnguard.app.notification.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Posts a notification to a webhook in its format and language. A 2xx answer is delivered
 * unless the body carries the platform's error code; a 4xx other than 408 and 429 means
 * the request itself is wrong, so it is not retried. Redirects are not followed: a
 * receiver must be configured by its real address.
 */
@Component
class WebhookChannel {

	private final MessageContents contents;

	private final Clock clock;

	private final NotificationProperties properties;

	private final HttpClient client;

	WebhookChannel(MessageContents contents, Clock clock, NotificationProperties properties) {
		this.contents = contents;
		this.clock = clock;
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.webhookTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	Outcome send(StoredNotification notification, Webhook webhook, long deliveryId) {
		MessageContent content = this.contents.of(notification, Locales.of(webhook.locale()));
		WebhookFormat format = webhook.type().format();
		WebhookRequest request = format.request(content, webhook.secret(), this.clock.instant(), deliveryId);
		HttpRequest.Builder http = HttpRequest.newBuilder(request.target(webhook.url()))
			.timeout(this.properties.webhookTimeout())
			.header("User-Agent", "ChurnGuard")
			.POST(HttpRequest.BodyPublishers.ofByteArray(request.bodyBytes()));
		request.headers().forEach(http::header);
		HttpResponse<String> response;
		try {
			response = this.client.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return Outcome.failed("HTTP: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.failed("interrupted");
		}
		int status = response.statusCode();
		String answer = snippet(response.body());
		if (status >= 200 && status < 300) {
			String rejection = format.rejection(response.body());
			return (rejection == null) ? Outcome.ok() : Outcome.failed("HTTP " + status + ", " + rejection);
		}
		if (status >= 400 && status < 500 && status != 408 && status != 429) {
			return Outcome.refused("HTTP " + status + " " + answer);
		}
		return Outcome.failed("HTTP " + status + " " + answer);
	}

	private static String snippet(String body) {
		String text = (body != null) ? body.strip().replaceAll("\\s+", " ") : "";
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
