package io.churnguard.app.notification.internal;

import java.time.Instant;

/**
 * A configured receiver, with its URL and secret in the clear: it never leaves the
 * module, and only {@link WebhookView} (without them) is shown.
 */
record Webhook(long id, String name, WebhookType type, String url, String secret, WebhookSubscription subscription,
		String locale, boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	boolean hasSecret() {
		return this.secret != null && !this.secret.isEmpty();
	}

	@Override
	public String toString() {
		// Records print every component; a URL or secret must never reach a log.
		return "Webhook[" + this.id + " " + this.name + " " + this.type.code() + "]";
	}

}
