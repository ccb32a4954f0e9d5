package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.churnguard.ml.experiment.Effect;
import io.churnguard.ml.experiment.Roi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Evaluating a campaign as the experiment it is (效果评估): each member's retention is read
 * from the archive — retained unless they churned within the observation window after
 * enrolment — for treated and control members alike; then retention treated vs control
 * with the uplift, its 95 % interval and p-value ({@link Effect}), and cost, saved value
 * and ROI ({@link Roi}), overall and by grade, risk band, channel, owner and action. The
 * treatment group is analysed as assigned (intention to treat), whether or not its task
 * was issued or answered; white-listed (exempt) members are outside the experiment.
 */
@Service
class EvaluatingCampaign {

	static final List<String> DIMENSIONS = List.of("grade", "risk_band", "channel", "owner", "action");

	private final Campaigns campaigns;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String zone;

	EvaluatingCampaign(Campaigns campaigns, JdbcTemplate jdbc, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = java.time.ZoneId.of(zone).getId();
	}

	Report evaluate(long id) {
		Campaign campaign = this.campaigns.require(id);
		Tally overall = new Tally("all", "all");
		Map<String, Map<String, Tally>> by = new LinkedHashMap<>();
		DIMENSIONS.forEach(d -> by.put(d, new TreeMap<>()));
		Map<String, Long> outcomes = new TreeMap<>();
		long[] exempt = { 0 };
		Instant[] lastEnrolment = { null };
		this.jdbc.query("""
				select m.grp, m.grade, m.risk_band, m.channel, m.owner, m.action, m.annual_value, m.enrolled_at,
				       not """ + MemberOutcome.CHURNED_IN_WINDOW + """
				       as retained,
				       t.cost, t.status as task_status, t.outcome
				from campaign_member m join campaign k on k.id = m.campaign_id
				join customer c on c.customer_id = m.customer_id
				left join contact_task t on t.campaign_id = m.campaign_id and t.customer_id = m.customer_id
				where m.campaign_id = ?""", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
			String group = rs.getString("grp");
			Instant enrolled = rs.getTimestamp("enrolled_at").toInstant();
			if (lastEnrolment[0] == null || enrolled.isAfter(lastEnrolment[0])) {
				lastEnrolment[0] = enrolled;
			}
			String taskStatus = rs.getString("task_status");
			if (taskStatus != null) {
				String outcome = (rs.getString("outcome") != null) ? rs.getString("outcome") : taskStatus;
				outcomes.merge(outcome, 1L, Long::sum);
			}
			if (group.equals("exempt")) {
				exempt[0]++;
				return;
			}
			boolean treated = group.equals("treatment");
			boolean retained = rs.getBoolean("retained");
			BigDecimal cost = ("cancelled".equals(taskStatus) || taskStatus == null) ? BigDecimal.ZERO
					: rs.getBigDecimal("cost");
			BigDecimal value = rs.getBigDecimal("annual_value");
			Map<String, String> values = Map.of("grade", orDash(rs.getString("grade")), "risk_band",
					orDash(rs.getString("risk_band")), "channel", orDash(rs.getString("channel")), "owner",
					orDash(rs.getString("owner")), "action", orDash(rs.getString("action")));
			overall.add(treated, retained, cost, value, "open".equals(taskStatus) || "done".equals(taskStatus));
			for (String dimension : DIMENSIONS) {
				by.get(dimension)
					.computeIfAbsent(values.get(dimension), v -> new Tally(dimension, v))
					.add(treated, retained, cost, value, "open".equals(taskStatus) || "done".equals(taskStatus));
			}
		}, this.zone, id);
		Map<String, List<Group>> groups = new LinkedHashMap<>();
		by.forEach((dimension, tallies) -> groups.put(dimension, tallies.values().stream().map(Tally::group).toList()));
		Long excluded = this.jdbc.queryForObject("select count(*) from campaign_exclusion where campaign_id = ?",
				Long.class, id);
		Map<String, Long> exclusions = new TreeMap<>();
		this.jdbc.query("select reason, count(*) from campaign_exclusion where campaign_id = ? group by 1", rs -> {
			exclusions.put(rs.getString(1), rs.getLong(2));
		}, id);
		Instant windowEnds = (lastEnrolment[0] != null)
				? lastEnrolment[0].plus(Duration.ofDays(campaign.observationDays())) : null;
		boolean complete = windowEnds != null && !windowEnds.isAfter(this.clock.instant());
		return new Report(id, campaign.name(), campaign.status().code(), campaign.kind(), campaign.launchedAt(),
				campaign.observationDays(), windowEnds, complete, campaign.controlSize(), overall.group(), groups,
				outcomes, exempt[0], excluded, exclusions);
	}

	private static String orDash(String value) {
		return (value != null) ? value : "-";
	}

	/** Counts of one cell. */
	static final class Tally {

		private final String dimension;

		private final String value;

		private long treated;

		private long treatedRetained;

		private long control;

		private long controlRetained;

		private BigDecimal cost = BigDecimal.ZERO;

		private BigDecimal treatedValue = BigDecimal.ZERO;

		private long valued;

		private long contacts;

		Tally(String dimension, String value) {
			this.dimension = dimension;
			this.value = value;
		}

		void add(boolean treated, boolean retained, BigDecimal cost, BigDecimal value, boolean contacted) {
			if (treated) {
				this.treated++;
				this.treatedRetained += retained ? 1 : 0;
				this.cost = this.cost.add((cost != null) ? cost : BigDecimal.ZERO);
				this.contacts += contacted ? 1 : 0;
				if (value != null) {
					this.treatedValue = this.treatedValue.add(value);
					this.valued++;
				}
			}
			else {
				this.control++;
				this.controlRetained += retained ? 1 : 0;
			}
		}

		Group group() {
			Effect effect = Effect.of(this.treated, this.treatedRetained, this.control, this.controlRetained);
			double valuePerCustomer = (this.valued > 0) ? this.treatedValue.doubleValue() / this.valued : 0;
			return new Group(this.dimension, this.value, effect,
					Roi.of(effect, this.cost.doubleValue(), valuePerCustomer), this.contacts, valuePerCustomer);
		}

	}

	/**
	 * One cell of the evaluation.
	 *
	 * @param dimension grade, risk_band, channel, owner, action, or {@code all}
	 * @param value the cell's value
	 * @param effect retention treated vs control, uplift, 95 % interval, p-value
	 * @param roi cost, saved customers, saved value, ROI
	 * @param contacts tasks issued to treated members
	 * @param valuePerCustomer the mean annual value (12 × monthly fee) of the treated
	 */
	record Group(String dimension, String value, Effect effect, Roi roi, long contacts, double valuePerCustomer) {
	}

	/**
	 * @param campaignId the campaign
	 * @param name its name
	 * @param status its status
	 * @param kind batch or triggered
	 * @param launchedAt when it launched
	 * @param observationDays the observation window after enrolment
	 * @param windowEnds when the last member's window ends
	 * @param complete whether every member's window has ended (before that, figures are
	 * provisional)
	 * @param controlSize the control group size the power calculation chose (batch)
	 * @param overall the whole experiment
	 * @param by cells by grade, risk band, channel, owner and action
	 * @param outcomes contact tasks by outcome (open, cancelled for those not yet
	 * recorded)
	 * @param exempt white-listed members treated outside the experiment
	 * @param excluded customers set aside by the contact policies
	 * @param exclusions of them, by reason
	 */
	record Report(long campaignId, String name, String status, String kind, Instant launchedAt, int observationDays,
			Instant windowEnds, boolean complete, Integer controlSize, Group overall, Map<String, List<Group>> by,
			Map<String, Long> outcomes, long exempt, long excluded, Map<String, Long> exclusions) {
	}

}
