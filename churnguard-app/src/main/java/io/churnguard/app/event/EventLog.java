package io.churnguard.app.event;

import java.util.List;

/** Reading a customer's events. Callers check the customer's data scope first. */
public interface EventLog {

	/**
	 * @param customerId the customer
	 * @param limit at most this many, newest first
	 * @return the customer's latest events
	 */
	List<TimelineEvent> recent(String customerId, int limit);

	/** How many events the log holds, for status pages. */
	long count();

}
