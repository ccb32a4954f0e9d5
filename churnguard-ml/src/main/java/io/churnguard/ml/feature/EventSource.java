package io.churnguard.ml.feature;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import io.churnguard.ml.event.CsvError;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventCsvReader;
import io.churnguard.ml.event.EventParquetReader;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.event.ParquetError;

/**
 * Where a batch run reads events from: a database cursor or COPY stream, a CSV or Parquet
 * file, a list in a test. A source delivers every event to a {@link Sink}, <em>grouped by
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

	/**
	 * A source over an events Parquet file (docs/data-formats.md) sorted by customer,
	 * then time: streamed one row group at a time, never loaded whole. Rows are validated
	 * as the CSV source validates them and bad rows go to {@code rejected}; a missing
	 * required column or a column of an unusable type is reported there as a schema error
	 * and no event is read. Unlike {@link #csv}, which sorts in memory, this source
	 * verifies the order and, at the first row out of order, stops with an
	 * {@link IOException} naming its row group and row. Timestamps adjusted to UTC are
	 * converted to {@link EventParquetReader#DEFAULT_ZONE}.
	 * @param file the Parquet file
	 * @param rejected receives every error of every bad row
	 * @return the source
	 */
	static EventSource parquet(Path file, Consumer<ParquetError> rejected) {
		return parquet(file, EventParquetReader.DEFAULT_ZONE, rejected);
	}

	/**
	 * A source over an events Parquet file sorted by customer, then time, as
	 * {@link #parquet(Path, Consumer)}.
	 * @param file the Parquet file
	 * @param zone the business's time zone, for timestamps adjusted to UTC
	 * @param rejected receives every error of every bad row
	 * @return the source
	 */
	static EventSource parquet(Path file, ZoneId zone, Consumer<ParquetError> rejected) {
		return new ParquetEventSource(file, zone, rejected);
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
