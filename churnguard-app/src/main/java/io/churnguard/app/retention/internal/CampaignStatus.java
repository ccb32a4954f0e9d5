package io.churnguard.app.retention.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Where a campaign is: draft → submitted → scheduled (approved) → running → finished. A
 * rejected campaign may be edited and submitted again. Nothing is sent before a campaign
 * is running, and only an approved (scheduled) campaign can run.
 */
enum CampaignStatus {

	DRAFT, SUBMITTED, REJECTED, SCHEDULED, RUNNING, FINISHED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static CampaignStatus fromCode(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

	boolean editable() {
		return this == DRAFT || this == REJECTED;
	}

	boolean canMoveTo(CampaignStatus next) {
		Set<CampaignStatus> allowed = switch (this) {
			case DRAFT, REJECTED -> Set.of(SUBMITTED);
			case SUBMITTED -> Set.of(SCHEDULED, REJECTED);
			case SCHEDULED -> Set.of(RUNNING);
			case RUNNING -> Set.of(FINISHED);
			case FINISHED -> Set.of();
		};
		return allowed.contains(next);
	}

}
