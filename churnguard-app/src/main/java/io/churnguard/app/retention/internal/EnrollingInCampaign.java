package io.churnguard.app.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.warning.WarningRaised;
import io.churnguard.app.warning.WarningsRaised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Event-triggered campaigns: a warning of level I or II (or as severe as the campaign's
 * filter asks) enrols its customer into every running triggered campaign whose filter the
 * customer matches — held out or treated by a reproducible coin with the campaign's
 * control share, under the same black list, consent and frequency policy as a launch.
 * Runs after the warning is committed, from the stored event, so no enrolment is lost in
 * a crash.
 */
@Service
class EnrollingInCampaign {

	private final Campaigns campaigns;

	private final Members members;

	private final TargetLists targets;

	private final ContactGuard guard;

	private final IssuingTasks issuing;

	private final Playbooks playbooks;

	private final Workers workers;

	private final AuditLog audit;

	private final Clock clock;

	private final ControlGroupEligibility eligibility = new ControlGroupEligibility();

	EnrollingInCampaign(Campaigns campaigns, Members members, TargetLists targets, ContactGuard guard,
			IssuingTasks issuing, Playbooks playbooks, Workers workers, AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.members = members;
		this.targets = targets;
		this.guard = guard;
		this.issuing = issuing;
		this.playbooks = playbooks;
		this.workers = workers;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(WarningsRaised raised) {
		List<Campaign> running = this.campaigns.withStatus(CampaignStatus.RUNNING);
		for (WarningRaised warning : raised.warnings()) {
			for (Campaign campaign : running) {
				Integer level = campaign.filter().maxWarningLevel();
				if (campaign.triggered() && level != null && warning.level().rank() <= level) {
					enrol(campaign, warning);
				}
			}
		}
	}

	void enrol(Campaign campaign, WarningRaised raised) {
		String customerId = raised.customerId();
		this.guard.lock();
		if (this.members.isMember(campaign.id(), customerId)) {
			return;
		}
		Optional<Candidate> match = this.targets.match(campaign.filter(), this.workers.author(campaign), customerId);
		if (match.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		ContactStanding standing = this.guard.standing(this.guard.standings(List.of(customerId)), customerId);
		Decision decision = this.guard.check(standing,
				this.guard.recentContacts(List.of(customerId), now).getOrDefault(customerId, List.of()), now);
		String source = "warning:" + raised.warningId();
		if (!decision.allowed()) {
			this.members.exclude(campaign.id(), Map.of(customerId, decision.reason()), now);
			this.audit.record(AuditRecord.success("CAMPAIGN_MEMBER_EXCLUDED", "campaign", Long.toString(campaign.id()))
				.by("system", null)
				.with("customer", customerId)
				.with("reason", decision.reason())
				.with("source", source));
			return;
		}
		String group = !this.eligibility.check(standing).allowed() ? "exempt"
				: ExperimentDesign.heldOut(campaign.seed(), customerId, campaign.minControlShare()) ? "control"
						: "treatment";
		TreatmentPlanner planner = new TreatmentPlanner(campaign, this.playbooks.all(), this.workers.routing());
		Members.Member member = new Members.Member(match.get(), group, planner.plan(match.get()), now, source);
		this.members.insert(campaign.id(), List.of(member));
		int issued = this.issuing.issue(campaign.id(), List.of(member), now);
		this.audit.record(AuditRecord.success("CAMPAIGN_MEMBER_ENROLLED", "campaign", Long.toString(campaign.id()))
			.by("system", null)
			.with("customer", customerId)
			.with("group", group)
			.with("taskIssued", issued > 0)
			.with("source", source));
	}

}
