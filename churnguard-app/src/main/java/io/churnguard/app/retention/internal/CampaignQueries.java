package io.churnguard.app.retention.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.security.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the campaign pages and the API show about a campaign's list and tasks. */
@Component
class CampaignQueries {

	private final JdbcTemplate jdbc;

	CampaignQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Members by group: treatment, control, exempt, plus excluded. */
	Map<String, Long> groups(long campaignId) {
		Map<String, Long> groups = new LinkedHashMap<>();
		for (String group : List.of("treatment", "control", "exempt")) {
			groups.put(group, 0L);
		}
		this.jdbc.query("select grp, count(*) from campaign_member where campaign_id = ? group by 1", rs -> {
			groups.put(rs.getString(1), rs.getLong(2));
		}, campaignId);
		groups.put("excluded", this.jdbc.queryForObject("select count(*) from campaign_exclusion where campaign_id = ?",
				Long.class, campaignId));
		return groups;
	}

	/** Members within the actor's customer scope, no personal fields. */
	List<Map<String, Object>> members(long campaignId, Actor actor, String group, int limit) {
		CustomerScope scope = CustomerScope.of(actor, "c");
		List<Object> parameters = new ArrayList<>();
		parameters.add(campaignId);
		parameters.addAll(scope.parameters());
		String where = "";
		if (group != null && !group.isBlank()) {
			where = " and m.grp = ?";
			parameters.add(group);
		}
		parameters.add(limit);
		return this.jdbc.queryForList("""
				select m.customer_id as "customerId", m.grp as "group", m.stratum, m.risk_band as "riskBand",
				       m.grade, m.province, m.owner, m.channel, m.action, m.enrolled_at as "enrolledAt",
				       m.source, t.status as "taskStatus", t.outcome
				from campaign_member m join customer c on c.customer_id = m.customer_id
				left join contact_task t on t.campaign_id = m.campaign_id and t.customer_id = m.customer_id
				where m.campaign_id = ? and (""" + scope.condition() + ")" + where + " order by m.customer_id limit ?",
				parameters.toArray());
	}

	/** Issued tasks split by owner and channel, with how many are done. */
	List<Map<String, Object>> split(long campaignId) {
		return this.jdbc.queryForList("""
				select coalesce(owner, '-') as owner, channel, count(*) filter (where status <> 'cancelled') as issued,
				       count(*) filter (where status = 'done') as done,
				       count(*) filter (where status = 'cancelled') as "notIssued"
				from contact_task where campaign_id = ? group by 1, 2 order by 1, 2""", campaignId);
	}

}
