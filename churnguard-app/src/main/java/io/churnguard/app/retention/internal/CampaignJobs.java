package io.churnguard.app.retention.internal;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Launches approved campaigns when their start time comes. */
@Component
class CampaignJobs {

	private final Campaigns campaigns;

	private final LaunchingCampaign launching;

	private final Clock clock;

	CampaignJobs(Campaigns campaigns, LaunchingCampaign launching, Clock clock) {
		this.campaigns = campaigns;
		this.launching = launching;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${churnguard.retention.launch-interval:PT1M}", initialDelayString = "PT30S")
	void launchDue() {
		for (Campaign campaign : this.campaigns.withStatus(CampaignStatus.SCHEDULED)) {
			if (campaign.startAt() != null && !campaign.startAt().isAfter(this.clock.instant())) {
				this.launching.launch(campaign.id(), null);
			}
		}
	}

}
