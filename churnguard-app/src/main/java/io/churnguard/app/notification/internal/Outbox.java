package io.churnguard.app.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification_delivery table: due rows are claimed with {@code skip locked} and a
 * lease, so passes never deliver one row twice at once and a row whose sender died comes
 * due again; each attempt's outcome is written back. Every time is the application
 * clock's.
 */
@Repository
class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims up to {@code limit} due deliveries, hiding them from other passes for the
	 * lease.
	 */
	@Transactional
	List<Claimed> claimDue(Instant now, int limit, Duration lease) {
		return this.jdbc.sql("""
				update notification_delivery d set next_attempt_at = ?
				where d.id in (select id from notification_delivery
				               where status = 'pending' and next_attempt_at <= ?
				               order by next_attempt_at, id limit ? for update skip locked)
				returning d.id, d.notification_id, d.channel, d.address, d.webhook_id, d.attempts""")
			.params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
			.query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("channel"),
					rs.getString("address"), (Long) rs.getObject("webhook_id"), rs.getInt("attempts")))
			.list();
	}

	void delivered(long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				update notification_delivery set status = 'delivered', attempts = attempts + 1, last_attempt_at = ?,
				  delivered_at = ?, next_attempt_at = null, last_error = null where id = ?""")
			.params(now, now, id)
			.update();
	}

	void retryAt(long id, Instant next, String error) {
		this.jdbc.sql("""
				update notification_delivery set attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?,
				  last_error = ? where id = ?""")
			.params(Timestamp.from(this.clock.instant()), Timestamp.from(next), error, id)
			.update();
	}

	void dead(long id, String error) {
		this.jdbc.sql("""
				update notification_delivery set status = 'dead', attempts = attempts + 1, last_attempt_at = ?,
				  next_attempt_at = null, last_error = ? where id = ?""")
			.params(Timestamp.from(this.clock.instant()), error, id)
			.update();
	}

	/**
	 * Puts a dead delivery back in the queue, due now and with the full retry schedule
	 * ahead of it.
	 * @return whether it was dead
	 */
	boolean requeue(long id, String actor) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				update notification_delivery set status = 'pending', attempts = 0, next_attempt_at = ?,
				  requeued_at = ?, requeued_by = ? where id = ? and status = 'dead'""")
			.params(now, now, actor, id)
			.update() > 0;
	}

	long count(String status) {
		return this.jdbc.sql("select count(*) from notification_delivery where status = ?")
			.param(status)
			.query(Long.class)
			.single();
	}

	/**
	 * Deliveries with a status, newest first, with what the console and API show of them.
	 */
	List<Map<String, Object>> list(String status, int page, int size) {
		return this.jdbc.sql("""
				select d.id, d.channel, d.status, d.attempts, d.address, w.name as webhook, d.webhook_id as "webhookId",
				       d.created_at as "createdAt", d.last_attempt_at as "lastAttemptAt",
				       d.next_attempt_at as "nextAttemptAt", d.delivered_at as "deliveredAt",
				       d.last_error as "lastError", d.requeued_at as "requeuedAt", d.requeued_by as "requeuedBy",
				       n.id as "notificationId", n.recipient, n.kind, n.level, n.title_zh as "titleZh",
				       n.title_en as "titleEn"
				from notification_delivery d
				join notification n on n.id = d.notification_id
				left join webhook w on w.id = d.webhook_id
				where d.status = ?
				order by d.id desc limit ? offset ?""")
			.params(status, size, (long) page * size)
			.query()
			.listOfRows()
			.stream()
			.map(Outbox::withInstants)
			.toList();
	}

	private static Map<String, Object> withInstants(Map<String, Object> row) {
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		row.forEach((key, value) -> out.put(key, (value instanceof Timestamp t) ? t.toInstant() : value));
		return out;
	}

	/**
	 * A claimed delivery.
	 *
	 * @param id the outbox row
	 * @param notificationId what to deliver
	 * @param channel {@code email} or {@code webhook}
	 * @param address the email address, for email
	 * @param webhookId the webhook, for webhooks
	 * @param attempts attempts made before this one
	 */
	record Claimed(long id, long notificationId, String channel, String address, Long webhookId, int attempts) {
	}

}
