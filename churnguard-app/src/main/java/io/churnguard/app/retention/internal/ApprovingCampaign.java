package io.churnguard.app.retention.internal;

import java.time.Clock;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approving or rejecting a submitted campaign, as {@link CampaignApproval} allows. An
 * approved campaign is scheduled: it launches at its start time, or when launched by
 * hand. Refusals are audited as denied.
 */
@Service
class ApprovingCampaign {

	private final Campaigns campaigns;

	private final UserDirectory users;

	private final AuditLog audit;

	private final Clock clock;

	private final CampaignApproval approval = new CampaignApproval();

	ApprovingCampaign(Campaigns campaigns, UserDirectory users, AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Campaign approve(long id, String note, Actor actor) {
		return decide(id, CampaignStatus.SCHEDULED, "CAMPAIGN_APPROVED", note, actor);
	}

	@Transactional
	Campaign reject(long id, String note, Actor actor) {
		return decide(id, CampaignStatus.REJECTED, "CAMPAIGN_REJECTED", note, actor);
	}

	private Campaign decide(long id, CampaignStatus to, String action, String note, Actor actor) {
		Campaign campaign = this.campaigns.lock(id);
		boolean anotherHead = this.users.withRole(Role.RETENTION_HEAD)
			.stream()
			.anyMatch(head -> !head.username().equals(actor.username()));
		Decision decision = this.approval.check(actor.username(), actor.role(), campaign.status(), campaign.createdBy(),
				anotherHead);
		if (!decision.allowed()) {
			this.audit.record(AuditRecord.denied(action, "campaign", Long.toString(id))
				.with("reason", decision.reason())
				.with("status", campaign.status().code()));
			if ("not_submitted".equals(decision.reason())) {
				throw new IllegalStateException("campaign " + id + " is " + campaign.status().code()
						+ ": only a submitted campaign is approved or rejected");
			}
			throw new AccessDeniedException("campaign approval refused: " + decision.reason());
		}
		this.campaigns.decided(id, to, actor.username(), note, this.clock.instant());
		this.audit.record(AuditRecord.success(action, "campaign", Long.toString(id))
			.with("note", String.valueOf(note))
			.with("selfApproval", this.approval.selfApproval(actor.username(), campaign.createdBy())));
		return this.campaigns.require(id);
	}

}
