package io.churnguard.app.retention.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.event.EventAppender;
import io.churnguard.app.retention.ContactOutcome;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording what came of a contact: the task's owner, a manager in scope or the retention
 * head records reached, accepted, declined or unreachable — in the console, the API, or a
 * CSV import. The first outcome of a task also goes into the event log as a
 * {@code contact} event with subtype {@code retention_<outcome>}, so features and the
 * next training set see the treatment. Every record is audited.
 */
@Service
class RecordingContactOutcome {

	private final Tasks tasks;

	private final JdbcTemplate jdbc;

	private final EventAppender events;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	RecordingContactOutcome(Tasks tasks, JdbcTemplate jdbc, EventAppender events, AuditLog audit, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Transactional
	TaskView record(long taskId, ContactOutcome outcome, String notes, Actor actor) {
		TaskView task = this.tasks.find(taskId, actor)
			.orElseThrow(() -> new NoSuchElementException("no task " + taskId));
		return record(task, outcome, notes, actor);
	}

	/**
	 * Imports outcomes from CSV lines {@code customer_id,outcome[,notes]} (a header line
	 * is skipped) for one campaign. Lines that fail are reported with their number; the
	 * others are recorded.
	 */
	@Transactional
	ImportResult importCsv(long campaignId, String csv, Actor actor) {
		int recorded = 0;
		List<Map<String, Object>> rejected = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()
						|| (number == 1 && line.toLowerCase(java.util.Locale.ROOT).startsWith("customer_id"))) {
					continue;
				}
				String[] fields = line.split(",", 3);
				try {
					if (fields.length < 2) {
						throw new IllegalArgumentException("expected customer_id,outcome[,notes]");
					}
					String customerId = fields[0].strip();
					TaskView task = this.tasks.findByCustomer(campaignId, customerId, actor)
						.orElseThrow(() -> new IllegalArgumentException("no task for customer " + customerId));
					record(task, ContactOutcome.fromCode(fields[1]), (fields.length > 2) ? fields[2].strip() : null,
							actor);
					recorded++;
				}
				catch (IllegalArgumentException | IllegalStateException | AccessDeniedException ex) {
					rejected.add(Map.of("line", number, "reason", String.valueOf(ex.getMessage())));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.audit.record(AuditRecord.success("CONTACT_OUTCOMES_IMPORTED", "campaign", Long.toString(campaignId))
			.with("recorded", recorded)
			.with("rejected", rejected.size()));
		return new ImportResult(recorded, rejected);
	}

	private TaskView record(TaskView task, ContactOutcome outcome, String notes, Actor actor) {
		boolean owner = actor.username().equals(task.owner());
		if (!owner && !actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER)) {
			this.audit.record(AuditRecord.denied("CONTACT_OUTCOME_RECORDED", "contact_task", Long.toString(task.id()))
				.with("reason", "only the task's owner or a manager"));
			throw new AccessDeniedException("only the task's owner or a manager records its outcome");
		}
		if (task.status().equals("cancelled")) {
			throw new IllegalStateException("task " + task.id() + " was not issued (" + task.notes() + ")");
		}
		String campaignStatus = this.jdbc.queryForObject("select status from campaign where id = ?", String.class,
				task.campaignId());
		if (!"running".equals(campaignStatus)) {
			throw new IllegalStateException("campaign " + task.campaignId() + " is " + campaignStatus);
		}
		Instant now = this.clock.instant();
		this.jdbc.update("""
				update contact_task set status = 'done', outcome = ?, notes = coalesce(?, notes), recorded_at = ?,
				  recorded_by = ? where id = ?""", outcome.code(), notes, Timestamp.from(now), actor.username(),
				task.id());
		if (task.outcome() == null) {
			this.events.append(List.of(new Event("retention-task-" + task.id(), task.customerId(),
					LocalDateTime.ofInstant(now, this.zone).withNano(0), EventType.CONTACT,
					"retention_" + outcome.code(), task.cost().doubleValue(), 1, Map.of("campaign",
							Long.toString(task.campaignId()), "channel", task.channel(), "action", task.action()))));
		}
		this.audit.record(AuditRecord.success("CONTACT_OUTCOME_RECORDED", "contact_task", Long.toString(task.id()))
			.with("campaign", task.campaignId())
			.with("customer", task.customerId())
			.with("outcome", outcome.code())
			.with("previous", String.valueOf(task.outcome())));
		return this.tasks.find(task.id(), actor).orElseThrow();
	}

	/**
	 * @param recorded outcomes recorded
	 * @param rejected lines that were not, with the line number and the reason
	 */
	record ImportResult(int recorded, List<Map<String, Object>> rejected) {
	}

}
