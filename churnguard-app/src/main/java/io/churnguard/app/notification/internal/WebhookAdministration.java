package io.churnguard.app.notification.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import io.churnguard.app.notification.Notification;
import io.churnguard.app.notification.NotificationLevel;
import io.churnguard.app.notification.Text;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.stereotype.Service;

/**
 * Webhook changes by administrators, each written to the audit log with the name, type
 * and host — never the URL's token or the secret.
 */
@Service
class WebhookAdministration {

	private final Webhooks webhooks;

	private final WebhookChannel channel;

	private final AuditLog audit;

	private final Clock clock;

	WebhookAdministration(Webhooks webhooks, WebhookChannel channel, AuditLog audit, Clock clock) {
		this.webhooks = webhooks;
		this.channel = channel;
		this.audit = audit;
		this.clock = clock;
	}

	List<Webhook> list() {
		return this.webhooks.list();
	}

	Webhook require(long id) {
		return this.webhooks.find(id).orElseThrow(() -> new NoSuchElementException("no webhook " + id));
	}

	Webhook create(WebhookForm form, String actor) {
		Webhook created = this.webhooks.create(form, actor);
		this.audit
			.record(describe(AuditRecord.success("WEBHOOK_CREATED", "webhook", Long.toString(created.id())), created));
		return created;
	}

	Webhook update(long id, WebhookForm form, String actor) {
		Webhook before = require(id);
		Webhook updated = this.webhooks.update(id, form, actor);
		this.audit.record(describe(AuditRecord.success("WEBHOOK_UPDATED", "webhook", Long.toString(id)), updated)
			.with("urlChanged", !before.url().equals(updated.url()))
			.with("secretChanged", !java.util.Objects.equals(before.secret(), updated.secret())));
		return updated;
	}

	void delete(long id) {
		Webhook webhook = require(id);
		this.webhooks.delete(id);
		this.audit.record(describe(AuditRecord.success("WEBHOOK_DELETED", "webhook", Long.toString(id)), webhook));
	}

	/**
	 * Sends a sample message now, outside the outbox, and says how the receiver answered.
	 */
	Outcome test(long id) {
		Webhook webhook = require(id);
		StoredNotification sample = new StoredNotification(0, "admin", "notification.test", NotificationLevel.INFO,
				null, Text.of("ChurnGuard 测试消息", "ChurnGuard test message"),
				Text.of("这是一条测试消息：此 Webhook 配置正确。", "This is a test message: this webhook is configured correctly."),
				"/notifications/webhooks", List.of(Notification.Fact.of("Webhook", "Webhook", webhook.name())), null,
				this.clock.instant(), null);
		Outcome outcome = this.channel.send(sample, webhook, 0);
		AuditRecord record = outcome.delivered() ? AuditRecord.success("WEBHOOK_TESTED", "webhook", Long.toString(id))
				: AuditRecord.failure("WEBHOOK_TESTED", "webhook", Long.toString(id)).with("error", outcome.error());
		this.audit.record(describe(record, webhook));
		return outcome;
	}

	private static AuditRecord describe(AuditRecord record, Webhook webhook) {
		return record.with("name", webhook.name())
			.with("type", webhook.type().code())
			.with("host", String.valueOf(URI.create(webhook.url()).getHost()))
			.with("secretSet", webhook.hasSecret())
			.with("enabled", webhook.enabled());
	}

}
