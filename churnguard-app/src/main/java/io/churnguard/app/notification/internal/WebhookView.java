package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API and console show it: the URL masked (a robot's URL carries its
 * token), and only whether a secret is set.
 */
record WebhookView(long id, String name, String type, String url, boolean secretSet, List<String> kinds,
		List<String> levels, List<String> regions, String locale, boolean enabled, Instant createdAt, String createdBy,
		Instant updatedAt, String updatedBy) {

	static WebhookView of(Webhook webhook) {
		return new WebhookView(webhook.id(), webhook.name(), webhook.type().code(), UrlMasking.mask(webhook.url()),
				webhook.hasSecret(), webhook.subscription().kinds(), webhook.subscription().levelCodes(),
				webhook.subscription().regions(), webhook.locale(), webhook.enabled(), webhook.createdAt(),
				webhook.createdBy(), webhook.updatedAt(), webhook.updatedBy());
	}

}
