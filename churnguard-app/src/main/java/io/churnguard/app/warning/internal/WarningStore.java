package io.churnguard.app.warning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The warning and warning_history tables. */
@Repository
class WarningStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	WarningStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param key the cause key: {@code model} or {@code rule:<id>}
	 */
	Optional<OpenWarning> openFor(String customerId, String key) {
		return this.jdbc
			.query("""
					select id, level, status, due_at, owner from warning
					where customer_id = ? and cause_key = ? and status <> 'closed'""",
					(rs, n) -> new OpenWarning(rs.getLong("id"), WarningLevel.ofRank(rs.getInt("level")),
							WarningStatus.fromCode(rs.getString("status")), rs.getTimestamp("due_at").toInstant(),
							rs.getString("owner")),
					customerId, key)
			.stream()
			.findFirst();
	}

	/**
	 * @param key the cause key: {@code model} or {@code rule:<id>}
	 */
	boolean closedSince(String customerId, String key, Instant since) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from warning where customer_id = ? and cause_key = ? and status = 'closed'
				               and closed_at >= ?)""", Boolean.class, customerId, key, Timestamp.from(since)));
	}

	long insert(Candidate c, CustomerFacts customer, String owner, Instant now, Instant due) {
		return this.jdbc.queryForObject(
				"""
						insert into warning (customer_id, cause_key, cause, level, status, probability, risk_band, model_id, reasons,
						                     value_at_risk, action, owner, province, team, grade, raised_at, updated_at, due_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
				Long.class, c.customerId(), c.key(), c.cause(), c.level().rank(),
				((owner != null) ? WarningStatus.ASSIGNED : WarningStatus.NEW).code(),
				Double.isNaN(c.probability()) ? null : c.probability(), c.riskBand(), c.modelId(),
				JSON.writeValueAsString(c.reasons()), c.valueAtRisk(), c.action(), owner, customer.province(),
				customer.team(), customer.grade(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(due));
	}

	void upgrade(long id, Candidate c, Instant now, Instant due) {
		this.jdbc.update("""
				update warning set level = ?, probability = ?, risk_band = ?, model_id = ?, reasons = ?::jsonb,
				  value_at_risk = ?, action = coalesce(?, action), updated_at = ?, due_at = least(due_at, ?)
				where id = ?""", c.level().rank(), Double.isNaN(c.probability()) ? null : c.probability(), c.riskBand(),
				c.modelId(), JSON.writeValueAsString(c.reasons()), c.valueAtRisk(), c.action(), Timestamp.from(now),
				Timestamp.from(due), id);
	}

	/**
	 * A fresh score of an open warning at the same level: keep it current without raising
	 * anything.
	 */
	void refresh(long id, Candidate c, Instant now) {
		this.jdbc.update("""
				update warning set probability = ?, risk_band = ?, model_id = ?, reasons = ?::jsonb, value_at_risk = ?,
				  updated_at = ? where id = ?""", Double.isNaN(c.probability()) ? null : c.probability(), c.riskBand(),
				c.modelId(), JSON.writeValueAsString(c.reasons()), c.valueAtRisk(), Timestamp.from(now), id);
	}

	void history(long warningId, Instant at, String actor, String action, WarningStatus status, WarningLevel level,
			String owner, String note) {
		this.jdbc.update("""
				insert into warning_history (warning_id, at, actor, action, status, level, owner, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", warningId, Timestamp.from(at), actor, action, status.code(),
				level.rank(), owner, note);
	}

	Map<String, Integer> openLoad() {
		Map<String, Integer> load = new HashMap<>();
		this.jdbc.query(
				"select owner, count(*) from warning where status <> 'closed' and owner is not null group by owner",
				rs -> {
					load.put(rs.getString(1), rs.getInt(2));
				});
		return load;
	}

	/** An open warning's identity and the facts raising compares against. */
	record OpenWarning(long id, WarningLevel level, WarningStatus status, Instant due, String owner) {
	}

}
