package io.churnguard.app.warning.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

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

	private final WarningAccess access;

	WarningWorkflow(WarningQueries queries, WarningStore store, UserDirectory users, JdbcTemplate jdbc, AuditLog audit,
			Clock clock, WarningAccess access) {
		this.access = access;
		this.queries = queries;
		this.store = store;
		this.users = users;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	WarningView assign(long id, String owner, Actor actor) {
		lock(List.of(id));
		WarningView warning = visible(id, actor);
		requireOpen(warning);
		requireAssigner(warning, owner, actor);
		requireAssignee(owner, List.of(id));
		write(warning, owner, actor);
		return visible(id, actor);
	}

	/**
	 * Takes a warning: assigns it to the caller. How an agent works their team's queue;
	 * managers may claim any warning in their scope.
	 */
	@Transactional
	WarningView claim(long id, Actor actor) {
		return assign(id, actor.username(), actor);
	}

	/**
	 * Assigns several warnings at once, all or none: every warning is checked before any
	 * is written, so one outside the caller's scope (404) or closed (409) names itself
	 * and nothing is assigned. Checking first matters because the audit log commits on
	 * its own: a rollback after writing would leave audit entries for assignments that
	 * never happened.
	 */
	@Transactional
	List<WarningView> assignAll(List<Long> ids, String owner, Actor actor) {
		List<Long> distinct = ids.stream().distinct().toList();
		lock(distinct);
		List<WarningView> warnings = new ArrayList<>();
		List<Long> missing = new ArrayList<>();
		List<Long> closed = new ArrayList<>();
		for (long id : distinct) {
			Optional<WarningView> warning = this.queries.find(id, actor);
			if (warning.isEmpty()) {
				missing.add(id);
			}
			else if (warning.get().status().equals("closed")) {
				closed.add(id);
			}
			else {
				warnings.add(warning.get());
			}
		}
		if (!missing.isEmpty()) {
			throw new NoSuchElementException("no warning " + join(missing) + "; nothing was assigned");
		}
		if (!closed.isEmpty()) {
			throw new IllegalStateException("warning " + join(closed) + " closed; nothing was assigned");
		}
		for (WarningView warning : warnings) {
			requireAssigner(warning, owner, actor);
		}
		requireAssignee(owner, distinct);
		List<WarningView> assigned = new ArrayList<>();
		for (WarningView warning : warnings) {
			write(warning, owner, actor);
			assigned.add(visible(warning.id(), actor));
		}
		return assigned;
	}

	private void requireAssigner(WarningView warning, String owner, Actor actor) {
		if (!actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER)
				&& !(actor.hasRole(Role.AGENT) && owner.equals(actor.username()) && warning.owner() == null)) {
			deny(warning, "WARNING_ASSIGNED", actor, "only managers assign warnings; agents may take queue warnings");
		}
	}

	private void requireAssignee(String owner, List<Long> ids) {
		Actor target = this.users.find(owner)
			.orElseThrow(() -> new IllegalArgumentException("no user '" + owner + "' to assign to"));
		if (target.hasRole(Role.ADMIN, Role.AUDITOR, Role.ANALYST)) {
			throw new IllegalArgumentException(owner + " does not work warnings (role " + target.role() + ")");
		}
		// find() also answers for disabled accounts: a warning given to someone who left
		// would wait unworked until its SLA passed.
		if (this.users.withRole(target.role()).stream().noneMatch(user -> user.username().equals(owner))) {
			throw new IllegalArgumentException(owner + " is disabled and cannot be given warnings");
		}
		// Only to someone routing could have given it to: a manager's data scope must not
		// stretch to another region's or team's people through reassignment.
		WarningScope assignable = WarningScope.assignable(target, "w");
		List<Object> parameters = new ArrayList<>();
		parameters.add(ids.toArray(Long[]::new));
		parameters.addAll(assignable.parameters());
		List<Long> outside = this.jdbc.queryForList("select w.id from warning w where w.id = any (?) and not coalesce(("
				+ assignable.condition() + "), false) order by w.id", Long.class, parameters.toArray());
		if (!outside.isEmpty()) {
			throw new IllegalArgumentException(owner + " is not responsible for the customer of warning "
					+ join(outside) + " (another region, team or owner); nothing was assigned");
		}
	}

	private void write(WarningView warning, String owner, Actor actor) {
		Instant now = this.clock.instant();
		WarningStatus status = warning.status().equals("in_progress") ? WarningStatus.IN_PROGRESS
				: WarningStatus.ASSIGNED;
		// Only while nobody else changed the owner since it was read: two agents claiming
		// the same queue warning must not both succeed.
		int updated = this.jdbc.update("""
				update warning set owner = ?, status = ?, updated_at = ?
				where id = ? and owner is not distinct from ? and status <> 'closed'""", owner, status.code(),
				Timestamp.from(now), warning.id(), warning.owner());
		if (updated == 0) {
			throw new IllegalStateException("warning " + warning.id() + " changed meanwhile; reload it");
		}
		transition(warning, (warning.owner() == null) ? "assigned" : "reassigned", actor, now, status, owner,
				(warning.owner() != null) ? warning.owner() + " → " + owner : "→ " + owner);
	}

	/**
	 * Locks the warnings until the transaction ends, so that what was checked is what is
	 * written (the update is conditional as well); in id order, so two bulk assignments
	 * cannot deadlock.
	 */
	private void lock(List<Long> ids) {
		this.jdbc.queryForList("select id from warning where id = any (?) order by id for update", Long.class,
				(Object) ids.toArray(Long[]::new));
	}

	private static String join(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
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
		this.access.changed(warning.id(), warning.customerId(), status, owner);
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
