package io.churnguard.app.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import io.churnguard.app.notification.Notification;
import io.churnguard.app.notification.Notifier;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the inbox entry and the outbox rows together, joining the caller's transaction:
 * what the caller commits is delivered, what it rolls back never was.
 */
@Service
class JdbcNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(JdbcNotifier.class);

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Webhooks webhooks;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	JdbcNotifier(JdbcClient jdbc, UserDirectory users, Webhooks webhooks, ObjectProvider<JavaMailSender> mail,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.webhooks = webhooks;
		this.mail = mail;
		this.clock = clock;
	}

	@Override
	@Transactional
	public long notify(Notification notification) {
		Actor recipient = this.users.find(notification.recipient())
			.orElseThrow(() -> new IllegalArgumentException("unknown recipient '" + notification.recipient() + "'"));
		Timestamp now = Timestamp.from(this.clock.instant());
		String region = (notification.region() != null) ? notification.region() : recipient.region();
		Optional<Long> inserted = this.jdbc.sql("""
				insert into notification (recipient, kind, level, event_key, title_zh, title_en, body_zh, body_en,
				  link, facts, region, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
				on conflict (recipient, event_key) do nothing
				returning id""")
			.params(recipient.username(), notification.kind(), notification.level().name(), notification.key(),
					notification.title().zh(), notification.title().en(), notification.body().zh(),
					notification.body().en(), notification.link(), Inbox.writeFacts(notification.facts()), region, now)
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			return this.jdbc.sql("select id from notification where recipient = ? and event_key = ?")
				.params(recipient.username(), notification.key())
				.query(Long.class)
				.single();
		}
		long id = inserted.get();
		if (notification.channels().contains(Notification.Channel.EMAIL)) {
			queueEmail(id, recipient.username(), now);
		}
		if (notification.channels().contains(Notification.Channel.WEBHOOK)) {
			for (Webhooks.Subscriber subscriber : this.webhooks.subscribers()) {
				if (subscriber.subscription().wants(notification.kind(), notification.level(), region)) {
					this.jdbc.sql("""
							insert into notification_delivery (notification_id, channel, webhook_id, event_key, status,
							  next_attempt_at, created_at)
							values (?, 'webhook', ?, ?, 'pending', ?, ?)
							on conflict (webhook_id, event_key) do nothing""")
						.params(id, subscriber.id(), notification.key(), now, now)
						.update();
				}
			}
		}
		return id;
	}

	private void queueEmail(long id, String username, Timestamp now) {
		if (this.mail.getIfAvailable() == null) {
			log.debug("No mail server configured (spring.mail.host): notification {} is not mailed", id);
			return;
		}
		this.users.emailOf(username).ifPresent(address -> this.jdbc.sql("""
				insert into notification_delivery (notification_id, channel, address, status, next_attempt_at,
				  created_at)
				values (?, 'email', ?, 'pending', ?, ?)""").params(id, address, now, now).update());
	}

}
