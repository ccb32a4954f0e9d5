package io.churnguard.app.warning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.churnguard.app.security.Actor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reading warnings within the user's scope. */
@Component
class WarningQueries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Candidate.Reason>> REASONS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final Clock clock;

	WarningQueries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Page search(Filter filter, Actor actor, int page, int size) {
		WarningScope scope = WarningScope.of(actor, "");
		StringBuilder where = new StringBuilder(" where (").append(scope.condition()).append(')');
		List<Object> parameters = new ArrayList<>(scope.parameters());
		if (filter.level() != null) {
			where.append(" and level = ?");
			parameters.add(filter.level());
		}
		if (filter.status() != null && !filter.status().isBlank()) {
			if (filter.status().equals("open")) {
				where.append(" and status <> 'closed'");
			}
			else {
				where.append(" and status = ?");
				parameters.add(filter.status());
			}
		}
		if (filter.owner() != null && !filter.owner().isBlank()) {
			if (filter.owner().equals("-")) {
				where.append(" and owner is null");
			}
			else {
				where.append(" and owner = ?");
				parameters.add(filter.owner());
			}
		}
		if (filter.province() != null && !filter.province().isBlank()) {
			where.append(" and province = ?");
			parameters.add(filter.province());
		}
		if (filter.customerId() != null && !filter.customerId().isBlank()) {
			where.append(" and customer_id = ?");
			parameters.add(filter.customerId());
		}
		if (filter.overdue()) {
			where.append(" and status <> 'closed' and due_at < ?");
			parameters.add(Timestamp.from(this.clock.instant()));
		}
		Long total = this.jdbc.queryForObject("select count(*) from warning" + where, Long.class, parameters.toArray());
		List<Object> pageParameters = new ArrayList<>(parameters);
		pageParameters.add(size);
		pageParameters.add((long) page * size);
		Instant now = this.clock.instant();
		List<WarningView> items = this.jdbc.query(
				"select * from warning" + where + " order by (status = 'closed'), level, due_at limit ? offset ?",
				(rs, n) -> map(rs, now), pageParameters.toArray());
		return new Page(items, page, size, (total != null) ? total : 0);
	}

	Optional<WarningView> find(long id, Actor actor) {
		WarningScope scope = WarningScope.of(actor, "");
		List<Object> parameters = new ArrayList<>();
		parameters.add(id);
		parameters.addAll(scope.parameters());
		Instant now = this.clock.instant();
		return this.jdbc
			.query("select * from warning where id = ? and (" + scope.condition() + ")", (rs, n) -> map(rs, now),
					parameters.toArray())
			.stream()
			.findFirst();
	}

	/**
	 * A warning regardless of scope, for the system's own use (notifications), never for
	 * a user.
	 */
	Optional<WarningView> findForSystem(long id) {
		Instant now = this.clock.instant();
		return this.jdbc.query("select * from warning where id = ?", (rs, n) -> map(rs, now), id).stream().findFirst();
	}

	List<HistoryEntry> history(long id) {
		return this.jdbc.query("""
				select at, actor, action, status, level, owner, note from warning_history
				where warning_id = ? order by at, id""",
				(rs, n) -> new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
						rs.getString("action"), rs.getString("status"), rs.getInt("level"), rs.getString("owner"),
						rs.getString("note")),
				id);
	}

	/**
	 * Open warnings of a customer, for the 360 view; the caller has checked the
	 * customer's scope.
	 */
	List<WarningView> openFor(String customerId) {
		Instant now = this.clock.instant();
		return this.jdbc.query(
				"select * from warning where customer_id = ? order by (status = 'closed'), raised_at desc limit 20",
				(rs, n) -> map(rs, now), customerId);
	}

	static WarningView map(ResultSet rs, Instant now) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		Instant due = rs.getTimestamp("due_at").toInstant();
		double probability = rs.getDouble("probability");
		Double p = rs.wasNull() ? null : probability;
		String status = rs.getString("status");
		return new WarningView(rs.getLong("id"), rs.getString("customer_id"), rs.getString("cause"), rs.getInt("level"),
				status, rs.getString("outcome"), p, rs.getString("risk_band"), rs.getString("model_id"),
				JSON.readValue(rs.getString("reasons"), REASONS), rs.getBigDecimal("value_at_risk"),
				rs.getString("action"), rs.getString("owner"), rs.getString("province"), rs.getString("team"),
				rs.getString("grade"), rs.getTimestamp("raised_at").toInstant(), due,
				!"closed".equals(status) && due.isBefore(now), rs.getInt("escalations"),
				(closed != null) ? closed.toInstant() : null, rs.getString("notes"));
	}

	/**
	 * What to look for; null fields do not filter.
	 *
	 * @param level 1–4
	 * @param status a status, or {@code open} for every status but closed
	 * @param owner a user name, or {@code -} for the team queue
	 * @param province the customer's province
	 * @param customerId one customer
	 * @param overdue only open warnings past their due date
	 */
	record Filter(Integer level, String status, String owner, String province, String customerId, boolean overdue) {
	}

	record Page(List<WarningView> items, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	record HistoryEntry(Instant at, String actor, String action, String status, int level, String owner, String note) {
	}

}
