package io.churnguard.app.event;

import java.util.List;

/**
 * Published when events arrive one batch at a time through the API (not by bulk file
 * import), so the customers concerned can be rescored at once instead of waiting for the
 * daily job.
 *
 * @param customerIds the customers with new events
 */
public record EventsAppended(List<String> customerIds) {
}
