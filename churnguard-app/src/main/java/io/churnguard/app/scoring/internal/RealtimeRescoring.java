package io.churnguard.app.scoring.internal;

import io.churnguard.app.event.EventsAppended;
import io.churnguard.app.scoring.ScoringRuns;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The real-time path: events received through the API rescore their customers at once,
 * which raises or upgrades warnings without waiting for the daily job. The announcement
 * is stored with the events, so a crash between the two only delays the rescoring.
 */
@Component
class RealtimeRescoring {

	private final ScoringRuns scoring;

	RealtimeRescoring(ScoringRuns scoring) {
		this.scoring = scoring;
	}

	@ApplicationModuleListener
	void on(EventsAppended appended) {
		this.scoring.rescore(appended.customerIds());
	}

}
