package io.churnguard.app.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.security.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Contact tasks within a user's reach: an agent sees the tasks given to them; a manager
 * theirs and those of customers in their scope; the retention head, analysts and
 * administrators all; auditors none. A task out of reach is not found (404).
 */
@Component
class Tasks {

	private final JdbcTemplate jdbc;

	Tasks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<TaskView> visible(Actor actor, Long campaignId, String status, int limit) {
		List<Object> parameters = new ArrayList<>();
		String where = scope(actor, parameters);
		if (campaignId != null) {
			where += " and t.campaign_id = ?";
			parameters.add(campaignId);
		}
		if (status != null && !status.isBlank()) {
			where += " and t.status = ?";
			parameters.add(status);
		}
		parameters.add(limit);
		return this.jdbc.query(select() + " where " + where + " order by t.status = 'open' desc, t.id limit ?",
				(rs, n) -> map(rs), parameters.toArray());
	}

	Optional<TaskView> find(long id, Actor actor) {
		List<Object> parameters = new ArrayList<>();
		String where = scope(actor, parameters);
		parameters.add(id);
		return this.jdbc.query(select() + " where " + where + " and t.id = ?", (rs, n) -> map(rs), parameters.toArray())
			.stream()
			.findFirst();
	}

	Optional<TaskView> findByCustomer(long campaignId, String customerId, Actor actor) {
		List<Object> parameters = new ArrayList<>();
		String where = scope(actor, parameters);
		parameters.add(campaignId);
		parameters.add(customerId);
		return this.jdbc
			.query(select() + " where " + where + " and t.campaign_id = ? and t.customer_id = ?", (rs, n) -> map(rs),
					parameters.toArray())
			.stream()
			.findFirst();
	}

	private static String scope(Actor actor, List<Object> parameters) {
		return switch (actor.role()) {
			case RETENTION_HEAD, ANALYST, ADMIN -> "true";
			case AUDITOR -> "false";
			case AGENT -> {
				parameters.add(actor.username());
				yield "t.owner = ?";
			}
			case SALES_MANAGER, SERVICE_MANAGER -> {
				CustomerScope scope = CustomerScope.of(actor, "c");
				parameters.add(actor.username());
				parameters.addAll(scope.parameters());
				yield "(t.owner = ? or (" + scope.condition() + "))";
			}
		};
	}

	private static String select() {
		return """
				select t.*, k.name as campaign_name, c.value_grade, c.province, p.script_zh, p.script_en
				from contact_task t join campaign k on k.id = t.campaign_id
				join customer c on c.customer_id = t.customer_id
				left join playbook p on p.id = t.playbook_id""";
	}

	private static TaskView map(ResultSet rs) throws SQLException {
		Timestamp recorded = rs.getTimestamp("recorded_at");
		return new TaskView(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_name"),
				rs.getString("customer_id"), rs.getString("value_grade"), rs.getString("province"),
				rs.getString("owner"), rs.getString("channel"), rs.getString("action"), rs.getBigDecimal("cost"),
				rs.getString("status"), rs.getString("outcome"), rs.getTimestamp("issued_at").toInstant(),
				(recorded != null) ? recorded.toInstant() : null, rs.getString("recorded_by"), rs.getString("notes"),
				rs.getString("script_zh"), rs.getString("script_en"));
	}

}
