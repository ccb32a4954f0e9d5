package io.churnguard.app.scoring;

import java.time.LocalDate;

/**
 * Published when a scoring run has stored every active customer's score; warnings are
 * raised from it.
 *
 * @param runId the scoring run
 * @param asOf the day the scores describe
 * @param modelId the model that scored
 */
public record CustomersScored(long runId, LocalDate asOf, String modelId) {
}
