package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Targeting plans as computed, and the target lists applied plans give campaigns. A plan
 * is kept whole, so applying it applies exactly what the user saw.
 */
@Component
class TargetingPlans {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	TargetingPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long campaignId, String upliftModelId, String churnModelId, BigDecimal budget,
			Map<String, Object> summary, List<PlannedContact> contacts, List<Map<String, Object>> doNotContact,
			String user, Instant now) {
		return this.jdbc.queryForObject("""
				insert into targeting_plan (campaign_id, uplift_model_id, churn_model_id, budget, summary, contacts,
				                            do_not_contact, created_at, created_by)
				values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?) returning id""", Long.class, campaignId,
				upliftModelId, churnModelId, budget, JSON.writeValueAsString(summary),
				JSON.writeValueAsString(contacts), JSON.writeValueAsString(doNotContact), Timestamp.from(now), user);
	}

	/** A plan with its summary and lists, as JSON. */
	Optional<Map<String, Object>> find(long campaignId, long planId) {
		return this.jdbc.queryForList("""
				select id, campaign_id, uplift_model_id, churn_model_id, budget, summary::text as summary,
				       contacts::text as contacts, do_not_contact::text as dnc, created_at, created_by, applied_at,
				       applied_by
				from targeting_plan where campaign_id = ? and id = ?""", campaignId, planId)
			.stream()
			.findFirst()
			.map(row -> {
				Map<String, Object> plan = new LinkedHashMap<>();
				plan.put("planId", row.get("id"));
				plan.put("campaignId", row.get("campaign_id"));
				plan.put("upliftModelId", row.get("uplift_model_id"));
				plan.put("churnModelId", row.get("churn_model_id"));
				plan.put("budget", row.get("budget"));
				plan.put("createdAt", instant(row.get("created_at")));
				plan.put("createdBy", row.get("created_by"));
				plan.put("appliedAt", instant(row.get("applied_at")));
				plan.put("appliedBy", row.get("applied_by"));
				plan.put("summary", JSON.readValue((String) row.get("summary"), Map.class));
				plan.put("contacts", JSON.readValue((String) row.get("contacts"), List.class));
				plan.put("doNotContact", JSON.readValue((String) row.get("dnc"), List.class));
				return plan;
			});
	}

	Map<String, Object> require(long campaignId, long planId) {
		return find(campaignId, planId).orElseThrow(
				() -> new NoSuchElementException("no targeting plan " + planId + " of campaign " + campaignId));
	}

	/** The campaign's latest plan, if any. */
	Optional<Map<String, Object>> latest(long campaignId) {
		return this.jdbc
			.queryForList("select id from targeting_plan where campaign_id = ? order by id desc limit 1", Long.class,
					campaignId)
			.stream()
			.findFirst()
			.flatMap(id -> find(campaignId, id));
	}

	/** Replaces the campaign's target list with the plan's contacts. */
	int apply(long campaignId, long planId, String user, Instant now) {
		JsonNode contacts = JSON.readTree(
				this.jdbc.queryForObject("select contacts::text from targeting_plan where campaign_id = ? and id = ?",
						String.class, campaignId, planId));
		this.jdbc.update("delete from campaign_target where campaign_id = ?", campaignId);
		List<JsonNode> rows = new java.util.ArrayList<>();
		contacts.forEach(rows::add);
		this.jdbc.batchUpdate(
				"insert into campaign_target (campaign_id, customer_id, action, plan_id) values (?, ?, ?, ?)", rows,
				500, (ps, c) -> {
					ps.setLong(1, campaignId);
					ps.setString(2, c.get("customerId").asString());
					ps.setString(3, c.get("action").asString());
					ps.setLong(4, planId);
				});
		this.jdbc.update("update targeting_plan set applied_at = ?, applied_by = ? where id = ?", Timestamp.from(now),
				user, planId);
		return rows.size();
	}

	/** How many customers the campaign's applied plan lists, 0 without one. */
	long targets(long campaignId) {
		return this.jdbc.queryForObject("select count(*) from campaign_target where campaign_id = ?", Long.class,
				campaignId);
	}

	private static Instant instant(Object value) {
		return (value instanceof Timestamp t) ? t.toInstant() : null;
	}

	/**
	 * One contact of a plan.
	 *
	 * @param customerId the customer
	 * @param action the action
	 * @param cost its cost
	 * @param churnProbability P(churn) without contact
	 * @param value the value of keeping the customer
	 * @param expectedSaved the expected drop of the churn probability
	 * @param expectedNetValue expected saved value minus cost
	 */
	record PlannedContact(String customerId, String action, double cost, double churnProbability, double value,
			double expectedSaved, double expectedNetValue) {
	}

}
