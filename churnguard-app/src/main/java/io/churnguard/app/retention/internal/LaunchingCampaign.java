package io.churnguard.app.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launching an approved campaign: the target list is drawn and frozen, customers the
 * policies refuse are set aside with the reason, white-listed ones are treated outside
 * the experiment, the rest are split into treatment and a stratified control group sized
 * by the power calculation, and the treated get their contact tasks. A campaign that is
 * not approved does not launch — nothing is sent before approval.
 */
@Service
class LaunchingCampaign {

	private final Campaigns campaigns;

	private final Members members;

	private final TargetLists targets;

	private final ContactGuard guard;

	private final IssuingTasks issuing;

	private final Playbooks playbooks;

	private final Workers workers;

	private final RetentionProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final ControlGroupEligibility eligibility = new ControlGroupEligibility();

	LaunchingCampaign(Campaigns campaigns, Members members, TargetLists targets, ContactGuard guard,
			IssuingTasks issuing, Playbooks playbooks, Workers workers, RetentionProperties properties, AuditLog audit,
			Clock clock) {
		this.campaigns = campaigns;
		this.members = members;
		this.targets = targets;
		this.guard = guard;
		this.issuing = issuing;
		this.playbooks = playbooks;
		this.workers = workers;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param id the campaign
	 * @param actor who launches, or null for the scheduler at the campaign's start time
	 */
	@Transactional
	Campaign launch(long id, Actor actor) {
		Campaign campaign = this.campaigns.lock(id);
		String by = (actor != null) ? actor.username() : "scheduler";
		if (actor != null && !actor.hasRole(Role.RETENTION_HEAD) && !actor.username().equals(campaign.createdBy())) {
			this.audit.record(AuditRecord.denied("CAMPAIGN_LAUNCHED", "campaign", Long.toString(id))
				.with("reason", "only the author or a retention head launches a campaign"));
			throw new AccessDeniedException("only the author or a retention head launches a campaign");
		}
		if (!campaign.status().canMoveTo(CampaignStatus.RUNNING)) {
			this.audit.record(AuditRecord.failure("CAMPAIGN_LAUNCHED", "campaign", Long.toString(id))
				.by(by, null)
				.with("reason", "not approved")
				.with("status", campaign.status().code()));
			throw new IllegalStateException(
					"campaign " + id + " is " + campaign.status().code() + ": only an approved campaign launches");
		}
		Instant now = this.clock.instant();
		this.guard.lock();
		Map<String, Object> counts = new LinkedHashMap<>();
		Integer controlSize = null;
		if (!campaign.triggered()) {
			List<Candidate> list = this.targets.list(campaign, this.workers.author(campaign));
			Map<String, ContactStanding> standings = this.guard
				.standings(list.stream().map(Candidate::customerId).toList());
			Map<String, List<Instant>> contacts = this.guard
				.recentContacts(list.stream().map(Candidate::customerId).toList(), now);
			Map<String, String> excluded = new LinkedHashMap<>();
			List<Candidate> exempt = new ArrayList<>();
			List<Candidate> experimental = new ArrayList<>();
			for (Candidate candidate : list) {
				ContactStanding standing = this.guard.standing(standings, candidate.customerId());
				Decision decision = this.guard.check(standing, contacts.getOrDefault(candidate.customerId(), List.of()),
						now);
				if (!decision.allowed()) {
					excluded.put(candidate.customerId(), decision.reason());
				}
				else if (!this.eligibility.check(standing).allowed()) {
					exempt.add(candidate);
				}
				else {
					experimental.add(candidate);
				}
			}
			ExperimentDesign design = new ExperimentDesign(this.properties.alpha(), this.properties.power());
			controlSize = design.controlSize(campaign, experimental.size());
			Map<String, Boolean> heldOut = design.assign(experimental, controlSize, campaign.seed());
			TreatmentPlanner planner = new TreatmentPlanner(campaign, this.playbooks.all(), this.workers.routing(),
					this.targets.plannedActions(id));
			List<Members.Member> enrolled = new ArrayList<>();
			for (Candidate candidate : experimental) {
				enrolled
					.add(new Members.Member(candidate, heldOut.get(candidate.customerId()) ? "control" : "treatment",
							planner.plan(candidate), now, "launch"));
			}
			for (Candidate candidate : exempt) {
				enrolled.add(new Members.Member(candidate, "exempt", planner.plan(candidate), now, "launch"));
			}
			this.members.insert(id, enrolled);
			this.members.exclude(id, excluded, now);
			int issued = this.issuing.issue(id, enrolled, now);
			counts.put("listed", list.size());
			counts.put("excluded", excluded.size());
			counts.put("control", controlSize);
			counts.put("treatment", experimental.size() - controlSize);
			counts.put("exempt", exempt.size());
			counts.put("tasksIssued", issued);
		}
		this.campaigns.launched(id, controlSize, now);
		AuditRecord record = AuditRecord.success("CAMPAIGN_LAUNCHED", "campaign", Long.toString(id))
			.with("kind", campaign.kind());
		if (actor == null) {
			record = record.by(by, null);
		}
		for (Map.Entry<String, Object> count : counts.entrySet()) {
			record = record.with(count.getKey(), count.getValue());
		}
		this.audit.record(record);
		return this.campaigns.require(id);
	}

}
