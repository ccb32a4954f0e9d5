package io.churnguard.app.warning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules, validated when saved (a rule that does not compile is refused with CEL's
 * message), audited on every change, and compiled once per version for evaluation.
 */
@Component
class RuleStore {

	private final JdbcTemplate jdbc;

	private final FeatureCatalog catalog;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<String, RuleExpression> compiled = new ConcurrentHashMap<>();

	RuleStore(JdbcTemplate jdbc, FeatureCatalog catalog, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	List<WarningRule> all() {
		return this.jdbc.query("select * from warning_rule order by level, name", RuleStore::map);
	}

	List<WarningRule> enabled() {
		return this.jdbc.query("select * from warning_rule where enabled order by level, name", RuleStore::map);
	}

	WarningRule find(long id) {
		return this.jdbc.query("select * from warning_rule where id = ?", RuleStore::map, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no warning rule " + id));
	}

	RuleExpression expression(WarningRule rule) {
		return this.compiled.computeIfAbsent(rule.expression(),
				source -> RuleExpression.compile(source, this.catalog.featureSet()));
	}

	@Transactional
	WarningRule save(Long id, RuleInput input, String user) {
		input.validate();
		RuleExpression.compile(input.expression(), this.catalog.featureSet());
		Long sameName = this.jdbc.query("select id from warning_rule where name = ?",
				rs -> rs.next() ? rs.getLong(1) : null, input.name());
		if (sameName != null && !sameName.equals(id)) {
			throw new IllegalArgumentException("name: a rule named '" + input.name() + "' exists already");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		long saved;
		if (id == null) {
			saved = this.jdbc.queryForObject("""
					insert into warning_rule (name, expression, level, message_zh, message_en, action, enabled,
					                          updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, input.name(), input.expression(),
					input.level(), input.messageZh(), input.messageEn(), input.action(), input.enabled(), now, user);
		}
		else {
			WarningRule before = find(id);
			this.jdbc.update("""
					update warning_rule set name = ?, expression = ?, level = ?, message_zh = ?, message_en = ?,
					  action = ?, enabled = ?, updated_at = ?, updated_by = ? where id = ?""", input.name(),
					input.expression(), input.level(), input.messageZh(), input.messageEn(), input.action(),
					input.enabled(), now, user, id);
			saved = id;
			if (!before.name().equals(input.name())) {
				// Open warnings show the rule's current name; closed ones keep the name
				// they were raised under. Both stay keyed by the id.
				this.jdbc.update("update warning set cause = ? where cause_key = ? and status <> 'closed'",
						"rule:" + input.name(), WarningRule.causeKey(id));
			}
			this.audit.record(AuditRecord.success("WARNING_RULE_CHANGED", "warning_rule", Long.toString(id))
				.by(user, null)
				.with("name", before.name().equals(input.name()) ? input.name() : before.name() + " → " + input.name())
				.with("before",
						before.expression() + " → level " + before.level() + (before.enabled() ? "" : " (disabled)"))
				.with("after",
						input.expression() + " → level " + input.level() + (input.enabled() ? "" : " (disabled)")));
			return find(saved);
		}
		this.audit.record(AuditRecord.success("WARNING_RULE_CREATED", "warning_rule", Long.toString(saved))
			.by(user, null)
			.with("expression", input.expression())
			.with("level", input.level()));
		return find(saved);
	}

	@Transactional
	void delete(long id, String user) {
		WarningRule rule = find(id);
		this.jdbc.update("delete from warning_rule where id = ?", id);
		this.audit.record(AuditRecord.success("WARNING_RULE_DELETED", "warning_rule", Long.toString(id))
			.by(user, null)
			.with("name", rule.name())
			.with("expression", rule.expression()));
	}

	private static WarningRule map(ResultSet rs, int row) throws SQLException {
		return new WarningRule(rs.getLong("id"), rs.getString("name"), rs.getString("expression"), rs.getInt("level"),
				rs.getString("message_zh"), rs.getString("message_en"), rs.getString("action"),
				rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	/** A rule as entered in the console or sent to the API. */
	record RuleInput(String name, String expression, int level, String messageZh, String messageEn, String action,
			boolean enabled) {

		void validate() {
			if (this.name == null || !this.name.matches("[a-z][a-z0-9_]{0,63}")) {
				throw new IllegalArgumentException("name: use lower-case letters, digits and underscores, at most 64");
			}
			if (this.level < 1 || this.level > 4) {
				throw new IllegalArgumentException("level: 1 (I) to 4 (IV)");
			}
			if (this.messageZh == null || this.messageZh.isBlank() || this.messageEn == null
					|| this.messageEn.isBlank()) {
				throw new IllegalArgumentException("messages: give the warning's text in Chinese and English");
			}
		}

	}

}
