package io.churnguard.app.retention.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Designing a campaign: the retention head and sales or service managers create and edit
 * drafts (and rejected campaigns), then submit them for approval; the author or a head
 * finishes a running one. Every step is audited.
 */
@Service
class DesigningCampaign {

	private static final SecureRandom SEEDS = new SecureRandom();

	private final Campaigns campaigns;

	private final RetentionProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	DesigningCampaign(Campaigns campaigns, RetentionProperties properties, AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Campaign create(Campaign.Input input, Actor actor) {
		requireDesigner(actor, "CAMPAIGN_CREATED", "new");
		Campaign.Input c = input.normalized(this.properties);
		long id = this.campaigns.insert(c, actor.username(), this.clock.instant(), SEEDS.nextLong());
		this.audit.record(AuditRecord.success("CAMPAIGN_CREATED", "campaign", Long.toString(id))
			.with("name", c.name())
			.with("kind", c.kind()));
		return this.campaigns.require(id);
	}

	@Transactional
	Campaign update(long id, Campaign.Input input, Actor actor) {
		Campaign campaign = this.campaigns.lock(id);
		requireAuthorOrHead(campaign, actor, "CAMPAIGN_UPDATED");
		if (!campaign.status().editable()) {
			throw new IllegalStateException("campaign " + id + " is " + campaign.status().code()
					+ ": only drafts and rejected campaigns are edited");
		}
		Campaign.Input c = input.normalized(this.properties);
		this.campaigns.update(id, c, this.clock.instant());
		this.audit
			.record(AuditRecord.success("CAMPAIGN_UPDATED", "campaign", Long.toString(id)).with("name", c.name()));
		return this.campaigns.require(id);
	}

	@Transactional
	Campaign submit(long id, Actor actor) {
		Campaign campaign = this.campaigns.lock(id);
		requireAuthorOrHead(campaign, actor, "CAMPAIGN_SUBMITTED");
		move(campaign, CampaignStatus.SUBMITTED);
		this.campaigns.submitted(id, this.clock.instant());
		this.audit.record(AuditRecord.success("CAMPAIGN_SUBMITTED", "campaign", Long.toString(id)));
		return this.campaigns.require(id);
	}

	@Transactional
	Campaign finish(long id, Actor actor) {
		Campaign campaign = this.campaigns.lock(id);
		requireAuthorOrHead(campaign, actor, "CAMPAIGN_FINISHED");
		move(campaign, CampaignStatus.FINISHED);
		Instant now = this.clock.instant();
		this.campaigns.finished(id, now);
		this.audit.record(AuditRecord.success("CAMPAIGN_FINISHED", "campaign", Long.toString(id)));
		return this.campaigns.require(id);
	}

	private static void move(Campaign campaign, CampaignStatus next) {
		if (!campaign.status().canMoveTo(next)) {
			throw new IllegalStateException(
					"campaign " + campaign.id() + " is " + campaign.status().code() + ", cannot become " + next.code());
		}
	}

	private void requireDesigner(Actor actor, String action, String object) {
		if (!actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER)) {
			this.audit.record(AuditRecord.denied(action, "campaign", object)
				.with("reason", "only the retention head and managers design campaigns"));
			throw new AccessDeniedException("only the retention head and managers design campaigns");
		}
	}

	private void requireAuthorOrHead(Campaign campaign, Actor actor, String action) {
		if (!actor.hasRole(Role.RETENTION_HEAD) && !actor.username().equals(campaign.createdBy())) {
			this.audit.record(AuditRecord.denied(action, "campaign", Long.toString(campaign.id()))
				.with("reason", "only the author or a retention head"));
			throw new AccessDeniedException("only the campaign's author or a retention head may do this");
		}
	}

}
