package io.churnguard.app.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Campaign members, exclusions and contact tasks as stored. Members are only ever
 * inserted: the assignment is the experiment (a trigger refuses updates and deletes).
 */
@Component
class Members {

	private final JdbcTemplate jdbc;

	Members(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long campaignId, List<Member> members) {
		this.jdbc.batchUpdate("""
				insert into campaign_member (campaign_id, customer_id, grp, stratum, risk_band, grade, province, team,
				  owner, channel, action, playbook_id, annual_value, enrolled_at, source)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", members, 500, (ps, m) -> {
			Candidate c = m.customer();
			ps.setLong(1, campaignId);
			ps.setString(2, c.customerId());
			ps.setString(3, m.group());
			ps.setString(4, c.stratum());
			ps.setString(5, c.riskBand());
			ps.setString(6, c.grade());
			ps.setString(7, c.province());
			ps.setString(8, c.team());
			ps.setString(9, m.plan().owner());
			ps.setString(10, m.plan().channel());
			ps.setString(11, m.plan().action());
			ps.setObject(12, m.plan().playbookId());
			ps.setBigDecimal(13, c.annualValue());
			ps.setTimestamp(14, Timestamp.from(m.enrolledAt()));
			ps.setString(15, m.source());
		});
	}

	boolean isMember(long campaignId, String customerId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from campaign_member where campaign_id = ? and customer_id = ?)",
				Boolean.class, campaignId, customerId));
	}

	void exclude(long campaignId, Map<String, String> reasons, Instant now) {
		this.jdbc.batchUpdate("""
				insert into campaign_exclusion (campaign_id, customer_id, reason, at) values (?, ?, ?, ?)
				on conflict do nothing""", List.copyOf(reasons.entrySet()), 500, (ps, e) -> {
			ps.setLong(1, campaignId);
			ps.setString(2, e.getKey());
			ps.setString(3, e.getValue());
			ps.setTimestamp(4, Timestamp.from(now));
		});
	}

	/**
	 * @param customer the customer
	 * @param group treatment, control or exempt
	 * @param plan what the campaign does (or would do) to them
	 * @param enrolledAt when they joined
	 * @param source {@code launch} or {@code warning:<id>}
	 */
	record Member(Candidate customer, String group, TreatmentPlanner.Plan plan, Instant enrolledAt, String source) {

		boolean treated() {
			return !"control".equals(this.group);
		}

	}

}
