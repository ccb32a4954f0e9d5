package io.churnguard.app.feature;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import io.churnguard.ml.event.CustomerAttributes;
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

}
