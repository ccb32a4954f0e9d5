package io.churnguard.app.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying a targeting plan: the plan's contacts become the campaign's target list, each
 * with the plan's action. Only those who may edit the campaign apply — its author or a
 * retention head, while it is a draft or rejected — and it is audited. Nothing is
 * contacted here: the launch still draws the list through the filter and the author's
 * scope, checks the black list, do-not-contact, consent and contact frequency, and holds
 * out the randomized control group.
 */
@Service
class ApplyingTargetingPlan {

	private final Campaigns campaigns;

	private final TargetingPlans plans;

	private final AuditLog audit;

	private final Clock clock;

	ApplyingTargetingPlan(Campaigns campaigns, TargetingPlans plans, AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Map<String, Object> apply(long campaignId, long planId, Actor actor) {
		Campaign campaign = this.campaigns.lock(campaignId);
		if (!actor.hasRole(Role.RETENTION_HEAD) && !actor.username().equals(campaign.createdBy())) {
			this.audit.record(
					Audits.by(AuditRecord.denied("CAMPAIGN_TARGETING_APPLIED", "campaign", Long.toString(campaignId))
						.with("plan", planId)
						.with("reason", "only the author or a retention head"), actor));
			throw new AccessDeniedException("only the campaign's author or a retention head may apply a plan");
		}
		if (!campaign.status().editable()) {
			throw new IllegalStateException("campaign " + campaignId + " is " + campaign.status().code()
					+ ": a plan is applied to a draft or rejected campaign");
		}
		this.plans.require(campaignId, planId);
		Instant now = this.clock.instant();
		int targets = this.plans.apply(campaignId, planId, actor.username(), now);
		this.audit
			.record(Audits.by(AuditRecord.success("CAMPAIGN_TARGETING_APPLIED", "campaign", Long.toString(campaignId))
				.with("plan", planId)
				.with("targets", targets), actor));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("campaignId", campaignId);
		result.put("planId", planId);
		result.put("targets", targets);
		result.put("note", "the campaign's list is now the plan's customers; at launch the contact policies are "
				+ "checked and a control group is held out");
		return result;
	}

}
