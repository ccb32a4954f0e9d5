package io.churnguard.app.scoring;

import java.time.LocalDate;

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
	 * @param id the run
	 * @param asOf the day scored
	 * @param modelId the champion that scored
	 * @param customers customers scored
	 * @param high customers in the high band
	 * @param medium customers in the medium band
	 * @param low customers in the low band
	 * @param elapsedMs time taken
	 */
	record ScoringRun(long id, LocalDate asOf, String modelId, long customers, long high, long medium, long low,
			long elapsedMs) {
	}

}
