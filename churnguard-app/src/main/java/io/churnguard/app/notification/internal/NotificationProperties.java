package io.churnguard.app.notification.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code churnguard.notifications}.
 *
 * @param retryDelays the waits after the first, second … failed attempt; a delivery that
 * fails once more than there are delays is dead
 * @param dispatchInterval how often the server works off the outbox
 * @param batchSize deliveries claimed at a time
 * @param senders deliveries attempted in parallel
 * @param claimLease how long a claimed delivery is hidden from other passes; a process
 * that dies mid-delivery leaves it due again after this
 * @param webhookTimeout connect and response timeout of a webhook call
 * @param baseUrl the console's public address, e.g.
 * {@code https://churnguard.example.com}, so emails and group messages can link to the
 * object; blank shows paths only
 * @param mailFrom the sender address of emails; blank uses {@code spring.mail.username}
 * @param digest the daily digest
 */
@ConfigurationProperties("churnguard.notifications")
record NotificationProperties(List<Duration> retryDelays, Duration dispatchInterval, Integer batchSize, Integer senders,
		Duration claimLease, Duration webhookTimeout, String baseUrl, String mailFrom, Digest digest) {

	NotificationProperties {
		retryDelays = (retryDelays != null && !retryDelays.isEmpty()) ? List.copyOf(retryDelays)
				: List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
						Duration.ofHours(12));
		dispatchInterval = (dispatchInterval != null) ? dispatchInterval : Duration.ofSeconds(30);
		batchSize = (batchSize != null && batchSize > 0) ? batchSize : 100;
		senders = (senders != null && senders > 0) ? senders : 4;
		claimLease = (claimLease != null) ? claimLease : Duration.ofMinutes(5);
		webhookTimeout = (webhookTimeout != null) ? webhookTimeout : Duration.ofSeconds(10);
		baseUrl = (baseUrl != null) ? baseUrl.strip().replaceAll("/+$", "") : "";
		mailFrom = (mailFrom != null) ? mailFrom.strip() : "";
		digest = (digest != null) ? digest : new Digest(null);
	}

	/**
	 * @param cron when the daily digest is sent, in the business time zone
	 */
	record Digest(String cron) {

		Digest {
			cron = (cron != null && !cron.isBlank()) ? cron : "0 30 8 * * *";
		}

	}

}
