package io.churnguard.app.warning.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.warning.WarningEscalated;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA timers: an open warning past its due date moves one step up the line, as
 * {@link EscalationPolicy} says, with a new due date, and says so in its history, the
 * audit log and a {@link WarningEscalated} event. A warning already at the top (the
 * retention head's) stays where it is and stays overdue.
 */
@Component
class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final JdbcTemplate jdbc;

	private final RaisingWarnings raising;

	private final WarningStore store;

	private final WarningSettings settings;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final WarningAccess access;

	private final Clock clock;

	Escalations(JdbcTemplate jdbc, RaisingWarnings raising, WarningStore store, WarningSettings settings,
			ApplicationEventPublisher events, AuditLog audit, Clock clock, WarningAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.raising = raising;
		this.store = store;
		this.settings = settings;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	// Transactional here as well: escalateOverdue below is a call on this object, not
	// through the proxy.
	@Scheduled(cron = "${churnguard.warnings.escalation-cron:0 */5 * * * *}",
			zone = "${churnguard.time-zone:Asia/Shanghai}")
	@Transactional
	void onSchedule() {
		int escalated = escalateOverdue();
		if (escalated > 0) {
			log.info("Escalated {} overdue warnings", escalated);
		}
	}

	@Transactional
	int escalateOverdue() {
		Instant now = this.clock.instant();
		// The scheduler and an on-demand call may run at the same moment: rows locked by
		// one
		// are skipped by the other, so no warning is escalated twice for one missed SLA.
		List<Map<String, Object>> overdue = this.jdbc.queryForList("""
				select id, customer_id, level, owner, province, team, status from warning
				where status <> 'closed' and due_at < ? order by level, due_at
				for update skip locked""", Timestamp.from(now));
		if (overdue.isEmpty()) {
			return 0;
		}
		List<Actor> workers = this.raising.workers();
		EscalationPolicy policy = new EscalationPolicy(workers,
				this.store.openLoad(workers.stream().map(Actor::username).toList(), Integer.MAX_VALUE));
		int escalated = 0;
		for (Map<String, Object> row : overdue) {
			long id = ((Number) row.get("id")).longValue();
			String from = (String) row.get("owner");
			WarningLevel level = WarningLevel.ofRank(((Number) row.get("level")).intValue());
			Optional<String> up = policy.escalate(from, (String) row.get("province"), (String) row.get("team"));
			if (up.isEmpty()) {
				// Nobody above: not handed down or sideways; it stays overdue where it
				// is.
				continue;
			}
			String to = up.get();
			Instant due = now.plus(this.settings.sla(level));
			// Still overdue when written: a concurrent run that escalated it first moved
			// due_at.
			int updated = this.jdbc.update("""
					update warning set owner = ?, status = case when status = 'new' then 'assigned' else status end,
					  escalations = escalations + 1, due_at = ?, updated_at = ?
					where id = ? and status <> 'closed' and due_at < ?""", to, Timestamp.from(due), Timestamp.from(now),
					id, Timestamp.from(now));
			if (updated == 0) {
				continue;
			}
			String status = (String) row.get("status");
			WarningStatus after = WarningStatus.fromCode(status.equals("new") ? "assigned" : status);
			this.store.history(id, now, "system", "escalated", after, level, to,
					"SLA passed: " + ((from != null) ? from : "queue") + " → " + to);
			this.access.changed(id, (String) row.get("customer_id"), after, to);
			this.audit.record(AuditRecord.success("WARNING_ESCALATED", "warning", Long.toString(id))
				.by("system", null)
				.with("from", String.valueOf(from))
				.with("to", String.valueOf(to)));
			this.events.publishEvent(new WarningEscalated(id, (String) row.get("customer_id"), level, from, to));
			escalated++;
		}
		return escalated;
	}

}
