package io.churnguard.ml.feature;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import io.churnguard.ml.event.CsvError;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventCsvReader;
import io.churnguard.ml.event.EventType;

/**
 * Where a batch run reads events from: a database cursor or COPY stream, a CSV file, a
 * list in a test. A source delivers every event to a {@link Sink}, <em>grouped by
 * customer and in time order within each customer</em> (e.g. {@code ORDER BY customer_id,
 * event_time}); the runner groups them into {@link EventBlock}s.
 */
@FunctionalInterface
public interface EventSource {

	/**
	 * Delivers every event, grouped by customer and in time order within a customer.
	 * @param sink receives the events
	 * @throws IOException when the source cannot be read
	 */
	void read(Sink sink) throws IOException;

	/**
	 * A source over events already grouped by customer and in time order.
	 * @param events the events
	 * @return the source
	 */
	static EventSource of(Iterable<Event> events) {
		return (sink) -> {
			for (Event event : events) {
				sink.accept(event.customerId(), event.time(), event.type(), event.subtype(), event.amount(),
						event.quantity());
			}
		};
	}

	/**
	 * A source over events in any order, sorted by customer and time (stable, so that
	 * events of the same time keep their order).
	 * @param events the events
	 * @return the source
	 */
	static EventSource sorted(Collection<Event> events) {
		List<Event> copy = new ArrayList<>(events);
		copy.sort(Comparator.comparing(Event::customerId).thenComparing(Event::time));
		return of(copy);
	}

	/**
	 * A source over an events.csv file in any order: valid events are read into memory
	 * and sorted by customer and time when the source is read; bad rows go to
	 * {@code rejected}. For files too large for memory, sort them first (or read from the
	 * database, which sorts).
	 * @param file the events.csv file
	 * @param rejected receives every error of every bad row
	 * @return the source
	 */
	static EventSource csv(Path file, Consumer<CsvError> rejected) {
		return (sink) -> {
			List<Event> events = new ArrayList<>();
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				EventCsvReader.read(in, events::add, rejected);
			}
			sorted(events).read(sink);
		};
	}

	/** Receives the events of a source, one call per event. */
	@FunctionalInterface
	interface Sink {

		/**
		 * One event.
		 * @param customerId the customer
		 * @param time the event time
		 * @param type the event type
		 * @param subtype the subtype, null or empty when none
		 * @param amount the amount, NaN when absent
		 * @param quantity the quantity, NaN when absent
		 */
		void accept(String customerId, LocalDateTime time, EventType type, String subtype, double amount,
				double quantity);

	}

}
