package io.churnguard.app.event;

import java.util.List;

import io.churnguard.ml.event.Event;

/**
 * Appends events as they happen (the API, a contact outcome recorded in the console) and
 * announces them ({@link EventsAppended}) when the transaction commits, so that their
 * customers are rescored at once.
 */
public interface EventAppender {

	/**
	 * @param events the events, in any order
	 * @return what happened to them
	 */
	EventLoader.LoadResult append(List<Event> events);

}
