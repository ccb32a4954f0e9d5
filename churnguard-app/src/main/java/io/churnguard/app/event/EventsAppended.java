package io.churnguard.app.event;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when events arrive one batch at a time through the API (not by bulk file
 * import), so the customers concerned can be rescored at once instead of waiting for the
 * daily job.
 *
 * @param customerIds the customers with new events
 * @param earliestDay the day of the earliest of those events: real-time features kept in
 * memory must be read again when it lies in the past they hold; null when unknown (an
 * announcement stored by an earlier version)
 */
public record EventsAppended(List<String> customerIds, LocalDate earliestDay) {
}
