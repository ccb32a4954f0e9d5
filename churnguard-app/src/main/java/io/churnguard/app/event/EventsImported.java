package io.churnguard.app.event;

import java.util.List;

/**
 * Published, synchronously and inside the loading transaction, when a file import has
 * loaded events: unlike events received through the API ({@link EventsAppended}) they are
 * not announced one by one, so what is kept in memory about their customers is stale once
 * the transaction commits.
 *
 * @param importId the import
 * @param customerIds the customers that received events
 */
public record EventsImported(long importId, List<String> customerIds) {
}
