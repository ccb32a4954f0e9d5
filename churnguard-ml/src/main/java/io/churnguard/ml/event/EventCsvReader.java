package io.churnguard.ml.event;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code events.csv} (docs/data-formats.md) into {@link Event}s, validating every
 * field and reporting each bad row with its line, column, value and reason instead of
 * stopping at the first. The importer reuses {@link #parse} for its own rows.
 */
public final class EventCsvReader {

	/** Columns a file must have. */
	public static final List<String> REQUIRED_COLUMNS = List.of("event_id", "customer_id", "event_time", "event_type");

	private final CsvColumns columns;

	private EventCsvReader(CsvColumns columns) {
		this.columns = columns;
	}

	/**
	 * A reader for files with the given header.
	 * @param header the header's column names, in any order; unknown columns are ignored
	 * @return the reader, or the errors naming missing required columns
	 */
	public static RowResult<EventCsvReader> forHeader(List<String> header) {
		CsvColumns columns = new CsvColumns(header);
		List<CsvError> missing = columns.missing(REQUIRED_COLUMNS);
		return missing.isEmpty() ? new RowResult<>(new EventCsvReader(columns), List.of())
				: new RowResult<>(null, missing);
	}

	/**
	 * Parses one data record.
	 * @param line the 1-based line the record starts on, for error reports
	 * @param fields the record's fields in header order
	 * @return the event, or every error of the row
	 */
	public RowResult<Event> parse(long line, List<String> fields) {
		CsvColumns.Row row = this.columns.new Row(line, fields);
		String eventId = row.required("event_id");
		String customerId = row.required("customer_id");
		LocalDateTime time = row.dateTime("event_time");
		String typeCode = row.required("event_type");
		EventType type = null;
		if (!typeCode.isEmpty()) {
			try {
				type = EventType.fromCode(typeCode);
			}
			catch (IllegalArgumentException ex) {
				row.error("event_type", typeCode, "unknown event type");
			}
		}
		String subtype = row.text("subtype").toLowerCase(Locale.ROOT);
		double amount = row.decimal("amount");
		double quantity = row.decimal("quantity");
		Map<String, String> attributes = attributes(row);
		if (!row.errors.isEmpty()) {
			return new RowResult<>(null, row.errors);
		}
		return new RowResult<>(new Event(eventId, customerId, time, type, subtype, amount, quantity, attributes),
				List.of());
	}

	/**
	 * Reads a whole stream, handing on valid events and errors as they come.
	 * @param in the CSV text, header first
	 * @param accepted receives valid events in file order
	 * @param rejected receives every error
	 * @return the number of data records read and of records rejected, as {@code [read,
	 * rejected]}
	 * @throws IOException when reading fails or the file is not CSV
	 */
	public static long[] read(Reader in, Consumer<Event> accepted, Consumer<CsvError> rejected) throws IOException {
		CsvRecords records = new CsvRecords(in);
		List<String> header = records.next();
		if (header == null) {
			rejected.accept(new CsvError(1, "-", "", "the file is empty; expected a header"));
			return new long[] { 0, 0 };
		}
		RowResult<EventCsvReader> reader = forHeader(header);
		if (!reader.isValid()) {
			reader.errors().forEach(rejected);
			return new long[] { 0, 0 };
		}
		long read = 0;
		long bad = 0;
		for (List<String> fields = records.next(); fields != null; fields = records.next()) {
			if (CsvRecords.isBlank(fields)) {
				continue;
			}
			read++;
			RowResult<Event> result = reader.value().parse(records.recordLine(), fields);
			if (result.isValid()) {
				accepted.accept(result.value());
			}
			else {
				bad++;
				result.errors().forEach(rejected);
			}
		}
		return new long[] { read, bad };
	}

	/**
	 * Reads a whole file into memory.
	 * @param file the events.csv file (UTF-8)
	 * @return the events and the errors
	 * @throws IOException when reading fails
	 */
	public static CsvReadResult<Event> readAll(Path file) throws IOException {
		List<Event> events = new ArrayList<>();
		List<CsvError> errors = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long[] counts = read(in, events::add, errors::add);
			return new CsvReadResult<>(events, errors, counts[0], counts[1]);
		}
	}

	private static Map<String, String> attributes(CsvColumns.Row row) {
		String text = row.text("attributes");
		Map<String, String> attributes = EventValues.attributes(text);
		if (attributes == null) {
			row.error("attributes", text, "not a JSON object");
			return Map.of();
		}
		return attributes;
	}

}
