package io.churnguard.app.feature;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.EventSource;

/**
 * The archive as the feature engine reads it: events grouped by customer in time order,
 * and each customer's non-personal attributes.
 */
public interface ArchiveEvents {

	/**
	 * Events before {@code before}, of all customers or of the given ones, streamed from
	 * the database in customer and time order.
	 * @param customerIds the customers, or null for all
	 * @param before only events strictly before the start of this day
	 */
	default EventSource events(Collection<String> customerIds, LocalDate before) {
		return events(customerIds, null, before);
	}

	/**
	 * Events in a range of days, of all customers or of the given ones, streamed in
	 * customer and time order.
	 * @param customerIds the customers, or null for all
	 * @param from only events on or after the start of this day; null for no lower bound
	 * @param before only events strictly before the start of this day
	 */
	EventSource events(Collection<String> customerIds, LocalDate from, LocalDate before);

	/**
	 * As {@link #events(Collection, LocalDate, LocalDate)} for given customers, each
	 * event with its id: real time keeps the open days in memory and must recognise an
	 * event it already holds.
	 * @param customerIds the customers
	 * @param from only events on or after the start of this day; null for no lower bound
	 * @param before only events strictly before the start of this day
	 * @param sink receives the events, in customer and time order
	 * @throws IOException when the log cannot be read
	 */
	void identifiedEvents(Collection<String> customerIds, LocalDate from, LocalDate before, IdentifiedSink sink)
			throws IOException;

	/**
	 * The attributes of all customers (or the given ones), by id.
	 * @param customerIds the customers, or null for all
	 */
	Map<String, CustomerAttributes> attributes(Collection<String> customerIds);

	/**
	 * Attributes looked up in a map, with an id-only fallback for customers missing from
	 * it.
	 */
	static Function<String, CustomerAttributes> lookup(Map<String, CustomerAttributes> attributes) {
		return id -> {
			CustomerAttributes found = attributes.get(id);
			return (found != null) ? found : CustomerAttributes.of(id, null);
		};
	}

	/** Receives events with their ids, one call per event. */
	@FunctionalInterface
	interface IdentifiedSink {

		/**
		 * One event.
		 * @param eventId the event's id
		 * @param customerId the customer
		 * @param time the event time
		 * @param type the event type
		 * @param subtype the subtype, empty when none
		 * @param amount the amount, NaN when absent
		 * @param quantity the quantity, NaN when absent
		 */
		void accept(String eventId, String customerId, LocalDateTime time, EventType type, String subtype,
				double amount, double quantity);

	}

}
