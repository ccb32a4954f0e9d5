package io.churnguard.app.retention.internal;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.security.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Builds target lists: the active customers matching a campaign's filter over attributes,
 * grade, latest risk band and open warnings, within the data scope of the campaign's
 * author — a sales manager's campaign never reaches beyond their region. A campaign with
 * an applied targeting plan lists only the plan's customers among them.
 */
@Component
class TargetLists {

	private static final RowMapper<Candidate> ROW = (rs, n) -> new Candidate(rs.getString("customer_id"),
			rs.getString("value_grade"), rs.getString("province"), rs.getString("team"), rs.getString("plan"),
			rs.getString("owner"), rs.getBigDecimal("monthly_fee"), rs.getString("risk_band"), rs.getString("reason"));

	private final JdbcTemplate jdbc;

	private final java.time.Clock clock;

	private final java.time.ZoneId zone;

	TargetLists(JdbcTemplate jdbc, java.time.Clock clock,
			@org.springframework.beans.factory.annotation.Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = java.time.ZoneId.of(zone);
	}

	List<Candidate> list(TargetFilter filter, Actor author) {
		return query(filter, author, null, 0, null);
	}

	/** The campaign's list: its filter, restricted to its applied plan's customers. */
	List<Candidate> list(Campaign campaign, Actor author) {
		return query(campaign.filter(), author, null, 0, planned(campaign));
	}

	/**
	 * The action an applied targeting plan chose for each of the campaign's customers.
	 */
	java.util.Map<String, String> plannedActions(long campaignId) {
		java.util.Map<String, String> actions = new java.util.HashMap<>();
		this.jdbc.query("select customer_id, action from campaign_target where campaign_id = ?", rs -> {
			actions.put(rs.getString(1), rs.getString(2));
		}, campaignId);
		return actions;
	}

	private Long planned(Campaign campaign) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from campaign_target where campaign_id = ?)", Boolean.class, campaign.id()))
						? campaign.id() : null;
	}

	/** How many customers a filter selects now: the approver's preview. */
	long count(Campaign campaign, Actor author) {
		List<Object> parameters = new ArrayList<>();
		String where = where(campaign.filter(), author, null, planned(campaign), parameters);
		return this.jdbc.queryForObject(
				"select count(*) from customer c left join score_latest s on s.customer_id = c.customer_id where "
						+ where,
				Long.class, parameters.toArray());
	}

	/** The customer, when they match the filter now. */
	java.util.Optional<Candidate> match(TargetFilter filter, Actor author, String customerId) {
		return query(filter, author, customerId, 1, null).stream().findFirst();
	}

	private List<Candidate> query(TargetFilter filter, Actor author, String customerId, int limit,
			Long plannedCampaign) {
		List<Object> parameters = new ArrayList<>();
		String where = where(filter, author, customerId, plannedCampaign, parameters);
		return this.jdbc.query("""
				select c.customer_id, c.value_grade, c.province, c.team, c.plan, c.owner, c.monthly_fee,
				       s.risk_band, s.reasons -> 0 ->> 'feature' as reason
				from customer c left join score_latest s on s.customer_id = c.customer_id
				where """ + where + " order by c.customer_id" + ((limit > 0) ? " limit " + limit : ""), ROW,
				parameters.toArray());
	}

	private String where(TargetFilter filter, Actor author, String customerId, Long plannedCampaign,
			List<Object> parameters) {
		String condition = filter.sql(java.time.LocalDate.ofInstant(this.clock.instant(), this.zone), parameters);
		CustomerScope scope = CustomerScope.of(author, "c");
		parameters.addAll(scope.parameters());
		condition += " and (" + scope.condition() + ")";
		if (plannedCampaign != null) {
			condition += " and exists (select 1 from campaign_target t where t.campaign_id = ? "
					+ "and t.customer_id = c.customer_id)";
			parameters.add(plannedCampaign);
		}
		if (customerId != null) {
			condition += " and c.customer_id = ?";
			parameters.add(customerId);
		}
		return condition;
	}

}
