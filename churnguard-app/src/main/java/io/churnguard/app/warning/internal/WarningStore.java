package io.churnguard.app.warning.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.churnguard.app.platform.jdbc.CopyRows;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The warning and warning_history tables. */
@Repository
class WarningStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** From this many rows on, an update goes through a temporary table. */
	static final int BULK_UPDATE = 1_000;

	private final JdbcTemplate jdbc;

	WarningStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The open warnings of customers, by customer and cause key.
	 */
	Map<WarningKey, OpenWarning> open(Collection<String> customerIds) {
		Map<WarningKey, OpenWarning> open = new HashMap<>();
		if (customerIds.isEmpty()) {
			return open;
		}
		this.jdbc.query("""
				select id, customer_id, cause_key, level, status, due_at, owner from warning
				where customer_id = any (?) and status <> 'closed'""",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", customerIds.toArray())), rs -> {
					open.put(new WarningKey(rs.getString("customer_id"), rs.getString("cause_key")),
							new OpenWarning(rs.getLong("id"), WarningLevel.ofRank(rs.getInt("level")),
									WarningStatus.fromCode(rs.getString("status")),
									rs.getTimestamp("due_at").toInstant(), rs.getString("owner")));
				});
		return open;
	}

	/**
	 * The customers' causes with a warning closed since a time: those are suppressed.
	 */
	Set<WarningKey> closedSince(Collection<String> customerIds, Instant since) {
		Set<WarningKey> closed = new HashSet<>();
		if (customerIds.isEmpty()) {
			return closed;
		}
		this.jdbc.query("""
				select distinct customer_id, cause_key from warning
				where customer_id = any (?) and status = 'closed' and closed_at >= ?""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("varchar", customerIds.toArray()));
			ps.setTimestamp(2, Timestamp.from(since));
		}, rs -> {
			closed.add(new WarningKey(rs.getString(1), rs.getString(2)));
		});
		return closed;
	}

	/**
	 * Gives new warnings their ids from the table's identity sequence, so that their
	 * history rows and announcements can be written in the same batches as the rest.
	 */
	void identify(List<WarningChanges.Touched> warnings) {
		if (warnings.isEmpty()) {
			return;
		}
		List<Long> ids = this.jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('warning', 'id')) from generate_series(1, ?)", Long.class,
				warnings.size());
		for (int i = 0; i < warnings.size(); i++) {
			warnings.get(i).identify(ids.get(i));
		}
	}

	/**
	 * Inserts new warnings, already identified: one batch, which the driver sends as
	 * multi-row inserts.
	 */
	void insert(List<WarningChanges.Touched> warnings, Instant now) {
		if (warnings.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(now);
		List<Object[]> rows = new ArrayList<>(warnings.size());
		for (WarningChanges.Touched w : warnings) {
			Candidate first = w.first();
			Candidate c = w.latest();
			CustomerFacts customer = w.customer();
			rows.add(new Object[] { w.id(), first.customerId(), first.key(), first.cause(), w.level().rank(),
					w.status().code(), probability(c), c.riskBand(), c.modelId(), JSON.writeValueAsString(c.reasons()),
					c.valueAtRisk(), w.action(), w.owner(), customer.province(), customer.team(), customer.grade(), at,
					at, Timestamp.from(w.due()) });
		}
		// The ids come from the identity sequence (identify), hence overriding.
		this.jdbc.batchUpdate(
				"""
						insert into warning (id, customer_id, cause_key, cause, level, status, probability, risk_band, model_id,
						                     reasons, value_at_risk, action, owner, province, team, grade, raised_at, updated_at,
						                     due_at)
						overriding system value
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
	}

	/**
	 * Writes what raising changed in open warnings, one statement: the latest score's
	 * figures always; level, action and due date only where an upgrade set them (null
	 * keeps the warning's own — and the due date only ever moves earlier).
	 */
	void update(List<WarningChanges.Touched> warnings, Instant now) {
		if (warnings.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(now);
		if (warnings.size() >= BULK_UPDATE) {
			updateInBulk(warnings, at);
			return;
		}
		int n = warnings.size();
		Long[] ids = new Long[n];
		Integer[] levels = new Integer[n];
		Double[] probabilities = new Double[n];
		String[] bands = new String[n];
		String[] models = new String[n];
		String[] reasons = new String[n];
		String[] values = new String[n];
		String[] actions = new String[n];
		String[] dues = new String[n];
		for (int i = 0; i < n; i++) {
			WarningChanges.Touched w = warnings.get(i);
			Candidate c = w.latest();
			ids[i] = w.id();
			levels[i] = w.levelRose() ? w.level().rank() : null;
			probabilities[i] = probability(c);
			bands[i] = c.riskBand();
			models[i] = c.modelId();
			reasons[i] = reasons(c);
			values[i] = (c.valueAtRisk() != null) ? c.valueAtRisk().toPlainString() : null;
			actions[i] = w.action();
			dues[i] = (w.due() != null) ? w.due().toString() : null;
		}
		// A real-time batch refreshes the open warnings of most of the customers it
		// rescores: as one joined statement rather than one per warning, PostgreSQL plans
		// and runs it once (a third of the statements the real-time path sent were
		// these).
		this.jdbc.update("""
				update warning w set level = coalesce(r.level, w.level), probability = r.probability,
				  risk_band = r.risk_band, model_id = r.model_id, reasons = coalesce(r.reasons::jsonb, w.reasons),
				  value_at_risk = r.value_at_risk::numeric, action = coalesce(r.action, w.action), updated_at = ?,
				  due_at = least(w.due_at, r.due_at::timestamptz)
				from unnest(?::bigint[], ?::smallint[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[],
				            ?::text[], ?::text[])
				  as r(id, level, probability, risk_band, model_id, reasons, value_at_risk, action, due_at)
				where w.id = r.id""", ps -> {
			var connection = ps.getConnection();
			ps.setTimestamp(1, at);
			ps.setArray(2, connection.createArrayOf("bigint", ids));
			ps.setArray(3, connection.createArrayOf("smallint", levels));
			ps.setArray(4, connection.createArrayOf("float8", probabilities));
			ps.setArray(5, connection.createArrayOf("text", bands));
			ps.setArray(6, connection.createArrayOf("text", models));
			ps.setArray(7, connection.createArrayOf("text", reasons));
			ps.setArray(8, connection.createArrayOf("text", values));
			ps.setArray(9, connection.createArrayOf("text", actions));
			ps.setArray(10, connection.createArrayOf("text", dues));
		});
	}

	/** A refresh's reasons as JSON, or null to keep the warning's own. */
	private static String reasons(Candidate c) {
		return (c.reasons() != null) ? JSON.writeValueAsString(c.reasons()) : null;
	}

	/**
	 * The same update for a daily run, which refreshes the figures of every open warning
	 * (hundreds of thousands at a large company): the rows are copied into a temporary
	 * table and applied by one joined UPDATE, where a batch would make PostgreSQL plan
	 * and run one statement per warning. All on one connection, inside the caller's
	 * transaction when there is one; the table lives as long as the pooled connection and
	 * is emptied before and after use.
	 */
	private void updateInBulk(List<WarningChanges.Touched> warnings, Timestamp at) {
		CopyRows rows = new CopyRows(warnings.size());
		for (WarningChanges.Touched w : warnings) {
			Candidate c = w.latest();
			rows.number(w.id())
				.number(w.levelRose() ? w.level().rank() : null)
				.number(probability(c))
				.text(c.riskBand())
				.text(c.modelId())
				.text(reasons(c))
				.number(c.valueAtRisk())
				.text(w.action())
				.text((w.due() != null) ? w.due().toString() : null)
				.endRow();
		}
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						create temporary table if not exists warning_refresh (
						  id bigint, level smallint, probability double precision, risk_band varchar(8),
						  model_id varchar(64), reasons jsonb, value_at_risk numeric(14, 2), action text,
						  due_at timestamptz)""");
				statement.execute("truncate warning_refresh");
				rows.copyInto(connection, "warning_refresh");
				// Without statistics the planner would guess a few rows and loop over the
				// index.
				statement.execute("analyze warning_refresh");
				try (PreparedStatement update = connection.prepareStatement("""
						update warning w set level = coalesce(r.level, w.level), probability = r.probability,
						  risk_band = r.risk_band, model_id = r.model_id, reasons = coalesce(r.reasons, w.reasons),
						  value_at_risk = r.value_at_risk, action = coalesce(r.action, w.action), updated_at = ?,
						  due_at = least(w.due_at, r.due_at)
						from warning_refresh r where w.id = r.id""")) {
					update.setTimestamp(1, at);
					update.executeUpdate();
				}
				statement.execute("truncate warning_refresh");
			}
			return null;
		});
	}

	/** The history rows of raising, one batch. */
	void history(List<WarningChanges.Step> steps, Instant at, String actor) {
		if (steps.isEmpty()) {
			return;
		}
		Timestamp time = Timestamp.from(at);
		List<Object[]> rows = new ArrayList<>(steps.size());
		for (WarningChanges.Step step : steps) {
			rows.add(new Object[] { step.warning().id(), time, actor, step.action(), step.warning().status().code(),
					step.level().rank(), step.warning().owner(), step.note() });
		}
		this.jdbc.batchUpdate("""
				insert into warning_history (warning_id, at, actor, action, status, level, owner, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	private static Double probability(Candidate c) {
		return Double.isNaN(c.probability()) ? null : c.probability();
	}

	void history(long warningId, Instant at, String actor, String action, WarningStatus status, WarningLevel level,
			String owner, String note) {
		this.jdbc.update("""
				insert into warning_history (warning_id, at, actor, action, status, level, owner, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", warningId, Timestamp.from(at), actor, action, status.code(),
				level.rank(), owner, note);
	}

	/**
	 * Open warnings per person, each counted only up to a cap: enough to route (a person
	 * with as many as their capacity gets no more, and those below it are compared by
	 * their exact count) without reading every open warning of the company. Escalation,
	 * which capacity does not limit, counts without a cap ({@link Integer#MAX_VALUE}).
	 * @param users the people to count
	 * @param cap the most to count per person
	 * @return the counts, below the cap exact; people without open warnings absent
	 */
	Map<String, Integer> openLoad(Collection<String> users, int cap) {
		Map<String, Integer> load = new HashMap<>();
		if (users.isEmpty()) {
			return load;
		}
		this.jdbc.query("""
				select u.name, (select count(*) from (select 1 from warning w
				                                      where w.owner = u.name and w.status <> 'closed' limit ?) o)
				from unnest(?::text[]) as u(name)""", ps -> {
			ps.setInt(1, cap);
			ps.setArray(2, ps.getConnection().createArrayOf("text", users.toArray()));
		}, rs -> {
			if (rs.getInt(2) > 0) {
				load.put(rs.getString(1), rs.getInt(2));
			}
		});
		return load;
	}

	/** An open warning's identity and the facts raising compares against. */
	record OpenWarning(long id, WarningLevel level, WarningStatus status, Instant due, String owner) {
	}

}
