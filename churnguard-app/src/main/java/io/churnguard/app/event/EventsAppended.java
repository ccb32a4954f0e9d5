package io.churnguard.app.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * @param events the events added to the log, as stored, so that real time can add them to
 * the days it holds in memory instead of reading those days again; null when not known
 * exactly (the batch repeated events already on record, or an announcement stored by an
 * earlier version)
 */
public record EventsAppended(List<String> customerIds, LocalDate earliestDay, List<Appended> events) {

	/**
	 * An announcement without its events: the customers' recent days are read again.
	 * @param customerIds the customers with new events
	 * @param earliestDay the day of the earliest of those events, or null
	 */
	public EventsAppended(List<String> customerIds, LocalDate earliestDay) {
		this(customerIds, earliestDay, null);
	}

	/**
	 * One event as the log holds it.
	 *
	 * @param eventId the event's id
	 * @param customerId the customer
	 * @param time the event time
	 * @param type the event type's code
	 * @param subtype the subtype, empty when none
	 * @param amount the amount as stored (two decimals), null when absent
	 * @param quantity the quantity, null when absent
	 */
	public record Appended(String eventId, String customerId, LocalDateTime time, String type, String subtype,
			Double amount, Double quantity) {
	}

}
