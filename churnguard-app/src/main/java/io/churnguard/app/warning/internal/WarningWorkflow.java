package io.churnguard.app.warning.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningOutcome;
import io.churnguard.app.warning.WarningStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working a warning: assign (or reassign), start, close with an outcome. Each transition
 * checks who may make it, is kept in the warning's history and written to the audit log.
 */
@Service
class WarningWorkflow {

	private final WarningQueries queries;

	private final WarningStore store;

	private final UserDirectory users;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	WarningWorkflow(WarningQueries queries, WarningStore store, UserDirectory users, JdbcTemplate jdbc, AuditLog audit,
			Clock clock) {
		this.queries = queries;
		this.store = store;
		this.users = users;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	WarningView assign(long id, String owner, Actor actor) {
		WarningView warning = visible(id, actor);
		requireOpen(warning);
		if (!actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER)
				&& !(actor.hasRole(Role.AGENT) && owner.equals(actor.username()) && warning.owner() == null)) {
			deny(warning, "WARNING_ASSIGNED", actor, "only managers assign warnings; agents may take queue warnings");
		}
		Actor target = this.users.find(owner)
			.orElseThrow(() -> new IllegalArgumentException("no user '" + owner + "' to assign to"));
		if (target.hasRole(Role.ADMIN, Role.AUDITOR, Role.ANALYST)) {
			throw new IllegalArgumentException(owner + " does not work warnings (role " + target.role() + ")");
		}
		Instant now = this.clock.instant();
		String to = WarningStatus.ASSIGNED.code();
		this.jdbc.update("update warning set owner = ?, status = ?, updated_at = ? where id = ?", owner,
				warning.status().equals("in_progress") ? "in_progress" : to, Timestamp.from(now), id);
		transition(warning, (warning.owner() == null) ? "assigned" : "reassigned", actor, now,
				WarningStatus.fromCode(warning.status().equals("in_progress") ? "in_progress" : to), owner,
				(warning.owner() != null) ? warning.owner() + " → " + owner : "→ " + owner);
		return visible(id, actor);
	}

	@Transactional
	WarningView start(long id, Actor actor) {
		WarningView warning = visible(id, actor);
		requireOpen(warning);
		requireWorker(warning, actor, "WARNING_STARTED");
		if (warning.status().equals("in_progress")) {
			return warning;
		}
		String owner = (warning.owner() != null) ? warning.owner() : actor.username();
		Instant now = this.clock.instant();
		this.jdbc.update("update warning set status = 'in_progress', owner = ?, updated_at = ? where id = ?", owner,
				Timestamp.from(now), id);
		transition(warning, "started", actor, now, WarningStatus.IN_PROGRESS, owner, null);
		return visible(id, actor);
	}

	@Transactional
	WarningView close(long id, WarningOutcome outcome, String notes, Actor actor) {
		WarningView warning = visible(id, actor);
		requireOpen(warning);
		requireWorker(warning, actor, "WARNING_CLOSED");
		Instant now = this.clock.instant();
		this.jdbc
			.update("""
					update warning set status = 'closed', outcome = ?, notes = ?, closed_at = ?, updated_at = ? where id = ?""",
					outcome.code(), notes, Timestamp.from(now), Timestamp.from(now), id);
		transition(warning, "closed", actor, now, WarningStatus.CLOSED, warning.owner(),
				outcome.code() + ((notes != null && !notes.isBlank()) ? ": " + notes : ""));
		return visible(id, actor);
	}

	private void transition(WarningView warning, String action, Actor actor, Instant now, WarningStatus status,
			String owner, String note) {
		this.store.history(warning.id(), now, actor.username(), action, status, WarningLevel.ofRank(warning.level()),
				owner, note);
		this.audit.record(AuditRecord
			.success("WARNING_" + action.toUpperCase(java.util.Locale.ROOT), "warning", Long.toString(warning.id()))
			.with("customer", warning.customerId())
			.with("status", status.code())
			.with("owner", String.valueOf(owner))
			.with("note", String.valueOf(note)));
	}

	private WarningView visible(long id, Actor actor) {
		return this.queries.find(id, actor).orElseThrow(() -> new NoSuchElementException("no warning " + id));
	}

	private static void requireOpen(WarningView warning) {
		if (warning.status().equals("closed")) {
			throw new IllegalStateException("warning " + warning.id() + " is closed");
		}
	}

	/**
	 * The owner works a warning; managers and the retention head may too; anyone may take
	 * a queue one.
	 */
	private void requireWorker(WarningView warning, Actor actor, String action) {
		boolean owner = actor.username().equals(warning.owner());
		boolean manager = actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER);
		boolean queue = warning.owner() == null && actor.hasRole(Role.AGENT);
		if (!owner && !manager && !queue) {
			deny(warning, action, actor, "only the warning's owner or a manager may do this");
		}
	}

	private void deny(WarningView warning, String action, Actor actor, String reason) {
		this.audit.record(AuditRecord.denied(action, "warning", Long.toString(warning.id())).with("reason", reason));
		throw new AccessDeniedException(reason);
	}

}
