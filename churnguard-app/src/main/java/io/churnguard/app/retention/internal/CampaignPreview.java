package io.churnguard.app.retention.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What a draft campaign would reach if launched now: its listed customers, and the
 * control group the power calculation would hold out of them. Shown on the campaign's
 * page and in its API view.
 */
@Component
class CampaignPreview {

	private final TargetLists targets;

	private final Workers workers;

	private final RetentionProperties properties;

	CampaignPreview(TargetLists targets, Workers workers, RetentionProperties properties) {
		this.targets = targets;
		this.workers = workers;
		this.properties = properties;
	}

	Map<String, Object> of(Campaign campaign) {
		long listed = this.targets.count(campaign, this.workers.author(campaign));
		int control = new ExperimentDesign(this.properties.alpha(), this.properties.power()).controlSize(campaign,
				(int) Math.min(Integer.MAX_VALUE, listed));
		Map<String, Object> preview = new LinkedHashMap<>();
		preview.put("listed", listed);
		preview.put("control", control);
		preview.put("treatment", listed - control);
		preview.put("alpha", this.properties.alpha());
		preview.put("power", this.properties.power());
		preview.put("note", "before the contact policies; the list is frozen at launch");
		return preview;
	}

}
