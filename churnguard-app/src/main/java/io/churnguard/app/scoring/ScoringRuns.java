package io.churnguard.app.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Scoring every active customer with the champion model. */
public interface ScoringRuns {

	/**
	 * Scores every active customer as of a day, stores the scores and publishes
	 * {@link CustomersScored}.
	 * @param asOf features use events before this day
	 * @param user who asks ({@code scheduler} for the daily run)
	 * @return the run
	 * @throws IllegalStateException when no model is champion yet
	 */
	ScoringRun scoreAll(LocalDate asOf, String user);

	/**
	 * Rescores a few customers right away, on every event received so far (today's
	 * included), and tells the observers — the real-time path from an event to a warning.
	 * @param customerIds the customers
	 * @return how many active customers were rescored (none without a champion)
	 */
	int rescore(java.util.Collection<String> customerIds);

	/**
	 * The latest finished runs, newest first.
	 * @param limit how many at most
	 * @return the runs
	 */
	List<ScoringRun> recent(int limit);

	/**
	 * @param id the run
	 * @param asOf the day scored
	 * @param modelId the champion that scored
	 * @param customers customers scored
	 * @param high customers in the high band
	 * @param medium customers in the medium band
	 * @param low customers in the low band
	 * @param elapsedMs time taken
	 * @param startedAt when it started
	 * @param startedBy who started it ({@code scheduler} for the daily run)
	 * @param phases milliseconds per phase, in the order they ran (model, attributes,
	 * features, probabilities, reasons, scoresStored, latestScores, warnings,
	 * featureStates — the wait for the settled feature states stored in the background):
	 * which part of a run that got slower grew
	 */
	record ScoringRun(long id, LocalDate asOf, String modelId, long customers, long high, long medium, long low,
			long elapsedMs, Instant startedAt, String startedBy, Map<String, Long> phases) {
	}

}
