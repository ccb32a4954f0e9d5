package io.churnguard.app.retention.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.NoSuchElementException;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The playbook library, stored; every change audited. */
@Component
class Playbooks {

	private static final RowMapper<Playbook> ROW = (rs, n) -> new Playbook(rs.getLong("id"), rs.getString("name"),
			rs.getString("churn_reason"), rs.getString("segment"), rs.getString("grade"), rs.getString("action"),
			rs.getString("channel"), rs.getBigDecimal("cost"), rs.getString("script_zh"), rs.getString("script_en"),
			rs.getString("owner_role"), rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant(),
			rs.getString("updated_by"));

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final java.time.Clock clock;

	Playbooks(JdbcTemplate jdbc, AuditLog audit, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	List<Playbook> all() {
		return this.jdbc.query("select * from playbook order by id", ROW);
	}

	Playbook find(long id) {
		return this.jdbc.query("select * from playbook where id = ?", ROW, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no playbook " + id));
	}

	@Transactional
	Playbook save(Long id, Playbook.Input input, String actor) {
		Playbook.Input p = input.normalized();
		Timestamp now = Timestamp.from(this.clock.instant());
		long saved;
		if (id == null) {
			saved = this.jdbc.queryForObject("""
					insert into playbook (name, churn_reason, segment, grade, action, channel, cost, script_zh,
					  script_en, owner_role, enabled, updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, p.name(),
					p.churnReason(), p.segment(), p.grade(), p.action(), p.channel(), p.cost(), p.scriptZh(),
					p.scriptEn(), p.ownerRole(), p.enabled(), now, actor);
		}
		else {
			find(id);
			this.jdbc.update(
					"""
							update playbook set name = ?, churn_reason = ?, segment = ?, grade = ?, action = ?, channel = ?,
							  cost = ?, script_zh = ?, script_en = ?, owner_role = ?, enabled = ?, updated_at = ?, updated_by = ?
							where id = ?""",
					p.name(), p.churnReason(), p.segment(), p.grade(), p.action(), p.channel(), p.cost(), p.scriptZh(),
					p.scriptEn(), p.ownerRole(), p.enabled(), now, actor, id);
			saved = id;
		}
		this.audit.record(AuditRecord
			.success((id == null) ? "PLAYBOOK_CREATED" : "PLAYBOOK_UPDATED", "playbook", Long.toString(saved))
			.with("name", p.name())
			.with("action", p.action())
			.with("channel", p.channel()));
		return find(saved);
	}

}
