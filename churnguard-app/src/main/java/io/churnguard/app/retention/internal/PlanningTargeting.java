package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.churnguard.app.scoring.ModelRegistry;
import io.churnguard.app.scoring.ModelVersion;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.Scorer;
import io.churnguard.ml.uplift.Contact;
import io.churnguard.ml.uplift.TargetingCandidate;
import io.churnguard.ml.uplift.UpliftArtifact;
import io.churnguard.ml.uplift.UpliftModel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning whom a campaign contacts for a budget: the customers of its segment the
 * contact policies allow today, scored with the uplift model (what each action would do)
 * and the champion churn model (how likely they are to leave), their features as of
 * today; {@link TargetingComparison} chooses the contacts and names those not to contact,
 * next to what risk targeting would do with the same budget. The plan is stored for the
 * user to apply; nothing reaches the campaign until then.
 */
@Service
class PlanningTargeting {

	private final Campaigns campaigns;

	private final TargetLists targets;

	private final ContactGuard guard;

	private final Playbooks playbooks;

	private final Workers workers;

	private final FeaturesAsOf features;

	private final UpliftModels upliftModels;

	private final ModelRegistry churnModels;

	private final TargetingPlans plans;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	PlanningTargeting(Campaigns campaigns, TargetLists targets, ContactGuard guard, Playbooks playbooks,
			Workers workers, FeaturesAsOf features, UpliftModels upliftModels, ModelRegistry churnModels,
			TargetingPlans plans, AuditLog audit, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.campaigns = campaigns;
		this.targets = targets;
		this.guard = guard;
		this.playbooks = playbooks;
		this.workers = workers;
		this.features = features;
		this.upliftModels = upliftModels;
		this.churnModels = churnModels;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * @param campaignId a batch campaign not launched yet
	 * @param budget the most the contacts may cost
	 * @param modelId the uplift model, or null for the latest
	 * @param actor who asks: the retention head, an analyst or the campaign's author
	 * @return the stored plan
	 */
	@Transactional
	Map<String, Object> plan(long campaignId, BigDecimal budget, String modelId, Actor actor) {
		Campaign campaign = this.campaigns.require(campaignId);
		if (!actor.hasRole(Role.RETENTION_HEAD, Role.ANALYST) && !actor.username().equals(campaign.createdBy())) {
			this.audit.record(
					Audits.by(AuditRecord.denied("CAMPAIGN_TARGETING_PLANNED", "campaign", Long.toString(campaignId))
						.with("reason", "only the retention head, analysts and the campaign's author"), actor));
			throw new AccessDeniedException(
					"only the retention head, analysts and the campaign's author plan targeting");
		}
		if (campaign.triggered() || campaign.status() == CampaignStatus.RUNNING
				|| campaign.status() == CampaignStatus.FINISHED) {
			throw new IllegalStateException("campaign " + campaignId + " is " + campaign.status().code()
					+ ": targeting plans a batch campaign's list before it launches");
		}
		if (budget == null || budget.signum() <= 0) {
			throw new IllegalArgumentException("budget must be positive");
		}
		UpliftModels.UpliftModelVersion model = (modelId != null) ? this.upliftModels.require(modelId)
				: this.upliftModels.latest()
					.orElseThrow(() -> new IllegalStateException(
							"no uplift model yet: train one from finished campaigns first"));
		UpliftArtifact artifact = this.upliftModels.artifact(model.id());
		TargetingOptions options = new TargetingOptions(campaign, this.playbooks.all());
		Map<String, Double> costs = new LinkedHashMap<>();
		options.costs().forEach((action, cost) -> {
			if (artifact.models().containsKey(action)) {
				costs.put(action, cost);
			}
		});
		if (costs.isEmpty()) {
			throw new IllegalStateException("the uplift model " + model.name() + " knows the actions "
					+ artifact.actions() + ", the campaign offers " + options.all().keySet()
					+ ": give the campaign a playbook or default action the model has learned");
		}
		String riskAction = costs.containsKey(campaign.action()) ? campaign.action() : costs.keySet().iterator().next();

		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		List<Candidate> segment = this.targets.list(campaign.filter(), this.workers.author(campaign));
		List<String> segmentIds = segment.stream().map(Candidate::customerId).toList();
		Map<String, ContactStanding> standings = this.guard.standings(segmentIds);
		Map<String, List<Instant>> contacts = this.guard.recentContacts(segmentIds, now);
		Map<String, Long> refused = new TreeMap<>();
		Map<String, Candidate> allowed = new LinkedHashMap<>();
		for (Candidate candidate : segment) {
			Decision decision = this.guard.check(this.guard.standing(standings, candidate.customerId()),
					contacts.getOrDefault(candidate.customerId(), List.of()), now);
			if (decision.allowed()) {
				allowed.put(candidate.customerId(), candidate);
			}
			else {
				refused.merge(decision.reason(), 1L, Long::sum);
			}
		}
		FeaturesAsOf.Selection selection = FeaturesAsOf.select(this.features.of(allowed.keySet(), today),
				List.copyOf(allowed.keySet()));
		int n = selection.ids().size();
		if (n == 0) {
			throw new IllegalStateException("no customer of the campaign's segment can be contacted and scored today");
		}
		Frame x = selection.features();
		Map<String, double[]> reduction = new LinkedHashMap<>();
		Map<String, double[]> riskWithout = new LinkedHashMap<>();
		for (String action : costs.keySet()) {
			UpliftModel upliftModel = artifact.models().get(action);
			reduction.put(action, upliftModel.uplift(x));
			riskWithout.put(action, upliftModel.churnWithoutAction(x));
		}
		ModelVersion champion = this.churnModels.champion().orElse(null);
		double[] churn = (champion != null)
				? Scorer.probabilities(this.churnModels.artifact(champion.id()), selection.frame())
				: riskWithout.get(riskAction);
		double meanValue = allowed.values()
			.stream()
			.filter(c -> c.annualValue() != null)
			.mapToDouble(c -> c.annualValue().doubleValue())
			.average()
			.orElse(0);
		List<TargetingCandidate> candidates = new ArrayList<>(n);
		Map<String, Double> churnOf = new HashMap<>();
		Map<String, Double> valueOf = new HashMap<>();
		Map<String, Double> bestUplift = new HashMap<>();
		for (int i = 0; i < n; i++) {
			String id = selection.ids().get(i);
			BigDecimal annual = allowed.get(id).annualValue();
			double value = (annual != null) ? annual.doubleValue() : meanValue;
			Map<String, Double> drop = new TreeMap<>();
			Map<String, Double> risk = new TreeMap<>();
			for (String action : costs.keySet()) {
				drop.put(action, reduction.get(action)[i]);
				risk.put(action, riskWithout.get(action)[i]);
			}
			candidates.add(TargetingComparison.candidate(id, churn[i], value, drop, risk));
			churnOf.put(id, churn[i]);
			valueOf.put(id, value);
			bestUplift.put(id, drop.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
		}
		TargetingComparison.Comparison comparison = TargetingComparison.compare(candidates, costs, riskAction,
				budget.doubleValue());

		List<TargetingPlans.PlannedContact> planned = new ArrayList<>();
		for (Contact contact : comparison.uplift().contacts()) {
			planned.add(new TargetingPlans.PlannedContact(contact.customerId(), contact.action(), contact.cost(),
					round(churnOf.get(contact.customerId())), valueOf.get(contact.customerId()),
					round(contact.expectedSaved()), round(contact.expectedNetValue())));
		}
		List<Map<String, Object>> doNotContact = new ArrayList<>();
		for (String id : comparison.uplift().doNotContact()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("customerId", id);
			row.put("bestUplift", round(bestUplift.get(id)));
			row.put("churnProbability", round(churnOf.get(id)));
			doNotContact.add(row);
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("budget", budget);
		summary.put("upliftModel", Map.of("id", model.id(), "name", model.name()));
		summary.put("churnProbability",
				(champion != null) ? "champion churn model " + champion.name() + " (" + champion.id() + ")"
						: "the uplift model's risk without contact (no champion churn model)");
		summary.put("featuresAsOf", today.toString());
		summary.put("costs", costs);
		summary.put("segment", segment.size());
		summary.put("refusedByPolicy", refused);
		summary.put("withoutFeatures", allowed.size() - n);
		summary.put("candidates", n);
		Map<String, Double> averageUplift = new TreeMap<>();
		reduction.forEach(
				(action, drop) -> averageUplift.put(action, round(java.util.Arrays.stream(drop).average().orElse(0))));
		summary.put("averageEstimatedUplift", averageUplift);
		summary.put("uplift", comparison.upliftTotals());
		summary.put("doNotContact", doNotContact.size());
		summary.put("riskAction", riskAction);
		summary.put("risk", comparison.riskTotals());
		summary.put("note", "expected figures are the models' estimates; at launch the contact policies are checked "
				+ "again and a randomized control group is held out of the applied list, so the campaign spends less "
				+ "than the plan");
		long planId = this.plans.insert(campaignId, model.id(), (champion != null) ? champion.id() : null, budget,
				summary, planned, doNotContact, actor.username(), now);
		this.audit
			.record(Audits.by(AuditRecord.success("CAMPAIGN_TARGETING_PLANNED", "campaign", Long.toString(campaignId))
				.with("plan", planId)
				.with("upliftModel", model.id())
				.with("budget", budget)
				.with("contacts", planned.size())
				.with("doNotContact", doNotContact.size()), actor));
		return this.plans.require(campaignId, planId);
	}

	/**
	 * Eight significant digits, not a fixed number of decimals: a small negative uplift
	 * (a do-not-contact customer) or a small positive net value must not be shown as
	 * zero.
	 */
	private static double round(double value) {
		return (value == 0 || !Double.isFinite(value)) ? value
				: new BigDecimal(value).round(new java.math.MathContext(8)).doubleValue();
	}

}
