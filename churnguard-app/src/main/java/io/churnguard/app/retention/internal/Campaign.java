package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A campaign (营销活动) and its experiment design.
 *
 * @param id the id
 * @param name its name
 * @param description what it is for
 * @param kind {@code batch} (one list, frozen at launch) or {@code triggered} (level I–II
 * warnings enrol customers while it runs)
 * @param status see {@link CampaignStatus}
 * @param filter the target segment
 * @param playbookIds the playbooks it may use, matched per customer; empty uses its own
 * action and channel for everyone
 * @param action the default action
 * @param channel the default channel
 * @param costPerContact the default cost per contact
 * @param baselineRetention expected retention without the action, for the power
 * calculation
 * @param expectedUplift expected increase of retention
 * @param minControlShare the least share held out
 * @param observationDays how long after enrolment retention is measured
 * @param controlSize the control group's size, set at launch
 * @param seed the seed of the random assignment, fixed at creation
 * @param startAt when to launch, or null to launch by hand
 * @param createdAt when it was created
 * @param createdBy by whom
 * @param submittedAt when it was submitted for approval
 * @param decidedAt when it was approved or rejected
 * @param decidedBy by whom
 * @param decisionNote the approver's note
 * @param launchedAt when it started running
 * @param finishedAt when it finished
 */
record Campaign(long id, String name, String description, String kind, CampaignStatus status, TargetFilter filter,
		List<Long> playbookIds, String action, String channel, BigDecimal costPerContact, double baselineRetention,
		double expectedUplift, double minControlShare, int observationDays, Integer controlSize, long seed,
		Instant startAt, Instant createdAt, String createdBy, Instant submittedAt, Instant decidedAt, String decidedBy,
		String decisionNote, Instant launchedAt, Instant finishedAt) {

	boolean triggered() {
		return "triggered".equals(this.kind);
	}

	/**
	 * What a user submits to create or change a campaign.
	 */
	record Input(String name, String description, String kind, TargetFilter filter, List<Long> playbookIds,
			String action, String channel, BigDecimal costPerContact, Double baselineRetention, Double expectedUplift,
			Double minControlShare, Integer observationDays, Instant startAt) {

		Input normalized(RetentionProperties defaults) {
			if (this.name == null || this.name.isBlank()) {
				throw new IllegalArgumentException("name is required");
			}
			String k = (this.kind == null || this.kind.isBlank()) ? "batch" : this.kind.strip();
			if (!k.equals("batch") && !k.equals("triggered")) {
				throw new IllegalArgumentException("kind must be batch or triggered");
			}
			String ch = (this.channel == null || this.channel.isBlank()) ? "phone" : this.channel.strip();
			if (!Channels.ALL.contains(ch)) {
				throw new IllegalArgumentException("channel must be one of " + Channels.ALL);
			}
			String a = (this.action == null || this.action.isBlank()) ? "callback" : this.action.strip();
			BigDecimal cost = (this.costPerContact != null) ? this.costPerContact : BigDecimal.ZERO;
			if (cost.signum() < 0) {
				throw new IllegalArgumentException("costPerContact must not be negative");
			}
			double baseline = (this.baselineRetention != null) ? this.baselineRetention : 0.8;
			double uplift = (this.expectedUplift != null) ? this.expectedUplift : 0.05;
			if (baseline <= 0 || baseline >= 1 || uplift <= 0 || uplift >= 1 || baseline + uplift > 1) {
				throw new IllegalArgumentException(
						"baselineRetention and expectedUplift must be rates with baseline + uplift at most 1");
			}
			double share = (this.minControlShare != null) ? this.minControlShare : defaults.minControlShare();
			if (share < 0.05 || share > 0.5) {
				throw new IllegalArgumentException("minControlShare must be between 0.05 and 0.5");
			}
			int days = (this.observationDays != null) ? this.observationDays : defaults.observationDays();
			if (days < 7 || days > 365) {
				throw new IllegalArgumentException("observationDays must be between 7 and 365");
			}
			TargetFilter f = (this.filter != null) ? this.filter : TargetFilter.none();
			if (k.equals("triggered") && f.maxWarningLevel() == null) {
				f = new TargetFilter(f.provinces(), f.grades(), f.plans(), f.teams(), f.riskBands(), f.minProbability(),
						defaults.triggerLevel());
			}
			return new Input(this.name.strip(), this.description, k, f,
					(this.playbookIds != null) ? List.copyOf(this.playbookIds) : List.of(), a, ch, cost, baseline,
					uplift, share, days, this.startAt);
		}

	}

}
