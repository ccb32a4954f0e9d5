package io.churnguard.app.event;

import java.util.List;

import io.churnguard.ml.event.Event;

/** Writes events into the log in bulk, idempotently. */
public interface EventLoader {

	/**
	 * @param events the events, in any order
	 * @param importId the import that supplies them, or null
	 * @return what happened to them
	 */
	LoadResult load(List<Event> events, Long importId);

	/**
	 * @param inserted events new to the log
	 * @param duplicates events already in the log (same id and time), or repeated in the
	 * batch
	 * @param unknownCustomer positions in the batch of events whose customer the archive
	 * does not know; they were not loaded
	 */
	record LoadResult(int inserted, int duplicates, List<Integer> unknownCustomer) {
	}

}
