package io.churnguard.ml.event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.testing.ParquetFiles;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventParquetReaderTest {

	private static final LocalDateTime NINE = LocalDateTime.of(2025, 6, 1, 9, 0, 5);

	@TempDir
	Path directory;

	private final List<Event> events = new ArrayList<>();

	private final List<Integer> rowGroups = new ArrayList<>();

	private final List<ParquetError> errors = new ArrayList<>();

	@ParameterizedTest
	@EnumSource(value = CompressionCodecName.class, names = { "UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW" })
	void everySupportedCompressionReadsBackTheEventsWritten(CompressionCodecName codec) throws IOException {
		List<Event> written = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			written.add(new Event("E" + i, "C" + (i / 10), NINE.plusMinutes(i), EventType.USAGE, "voice", Double.NaN,
					i * 0.25, (i % 7 == 0) ? Map.of("page", "首页") : Map.of()));
		}
		Path file = this.directory.resolve("events.parquet");
		ParquetFiles.writeEvents(file, written, codec, 8 * 1024);

		long[] counts = read(file);

		assertThat(this.errors).isEmpty();
		assertThat(counts).containsExactly(2_000, 0);
		assertThat(this.events).isEqualTo(written);
		assertThat(this.rowGroups.get(this.rowGroups.size() - 1)).as("row groups streamed").isPositive();
	}

	@Test
	void eachBadRowIsReportedWithEveryErrorItsRowGroupRowColumnValueAndReason() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message events {
				  optional binary event_id (STRING);
				  optional binary customer_id (STRING);
				  optional binary event_time (STRING);
				  optional binary event_type (STRING);
				  optional binary subtype (STRING);
				  optional binary amount (STRING);
				  optional double quantity;
				  optional binary attributes (STRING);
				}
				""");
		Path file = this.directory.resolve("bad.parquet");
		ParquetFiles.write(file, schema, CompressionCodecName.SNAPPY, 1024 * 1024, (out) -> {
			out.row((row) -> row.append("event_id", "E1")
				.append("customer_id", " C1 ")
				.append("event_time", "2025-06-01 09:00:05")
				.append("event_type", "Complaint")
				.append("subtype", "Network")
				.append("amount", "12.50"));
			out.row((row) -> row.append("event_id", "E2")
				.append("event_time", "14/03/2025")
				.append("event_type", "nonsense")
				.append("amount", "abc")
				.append("quantity", Double.NaN)
				.append("attributes", "[1, 2]"));
			out.row((row) -> row.append("event_id", "E3").append("customer_id", "C1").append("event_type", "usage"));
		});

		long[] counts = read(file);

		assertThat(counts).containsExactly(3, 2);
		assertThat(this.events)
			.containsExactly(new Event("E1", "C1", NINE, EventType.COMPLAINT, "network", 12.5, Double.NaN, Map.of()));
		assertThat(this.errors).map(ParquetError::toString)
			.containsExactly("row group 0, row 1, column customer_id, value '': required value missing",
					"row group 0, row 1, column event_time, value '14/03/2025': not a date-time (yyyy-MM-ddTHH:mm:ss)",
					"row group 0, row 1, column event_type, value 'nonsense': unknown event type",
					"row group 0, row 1, column amount, value 'abc': not a decimal number",
					"row group 0, row 1, column quantity, value 'NaN': not a finite number",
					"row group 0, row 1, column attributes, value '[1, 2]': not a JSON object",
					"row group 0, row 2, column event_time, value '': required value missing");
	}

	@Test
	void rowsAreNumberedAcrossRowGroups() throws IOException {
		Path file = this.directory.resolve("groups.parquet");
		MessageType schema = ParquetFiles.EVENTS;
		ParquetFiles.write(file, schema, CompressionCodecName.ZSTD, 4 * 1024, (out) -> {
			for (int i = 0; i < 3_000; i++) {
				int n = i;
				out.row((row) -> row.append("event_id", "E" + n)
					.append("customer_id", "C" + n)
					.append("event_time", ParquetFiles.micros(NINE))
					.append("event_type", (n == 2_500) ? "unheard_of" : "usage"));
			}
		});

		read(file);

		assertThat(this.errors).hasSize(1);
		ParquetError error = this.errors.get(0);
		assertThat(error.row()).isEqualTo(2_500);
		assertThat(error.rowGroup()).isPositive();
		assertThat(error.column()).isEqualTo("event_type");
		assertThat(this.events).hasSize(2_999);
	}

	@Test
	void missingRequiredColumnsAreNamedAndNothingIsRead() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message events {
				  required binary event_id (STRING);
				  required int64 event_time (TIMESTAMP(MILLIS,false));
				  optional double amount;
				}
				""");
		Path file = this.directory.resolve("narrow.parquet");
		ParquetFiles.write(file, schema, CompressionCodecName.UNCOMPRESSED, 1024 * 1024,
				(out) -> out.row((row) -> row.append("event_id", "E1").append("event_time", 0L)));

		long[] counts = read(file);

		assertThat(counts).containsExactly(0, 0);
		assertThat(this.events).isEmpty();
		assertThat(this.errors).map(ParquetError::toString)
			.containsExactly("schema, column customer_id: required column missing from the file's schema",
					"schema, column event_type: required column missing from the file's schema");
		assertThat(this.errors).allMatch(ParquetError::isSchemaError);
	}

	@Test
	void columnsOfTypesThatCannotHoldTheirValuesAreSchemaErrors() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message events {
				  required binary event_id (STRING);
				  required binary customer_id (STRING);
				  required int64 event_time;
				  required binary event_type (STRING);
				  optional boolean amount;
				  repeated double quantity;
				}
				""");
		Path file = this.directory.resolve("types.parquet");
		ParquetFiles.write(file, schema, CompressionCodecName.UNCOMPRESSED, 1024 * 1024, (out) -> {
		});

		read(file);

		assertThat(this.errors).map(ParquetError::toString)
			.containsExactly(
					"schema, column event_time, type 'INT64': not a date-time column; expected TIMESTAMP (INT64 millis, "
							+ "micros or nanos), INT96 or an ISO date-time string",
					"schema, column amount, type 'BOOLEAN': not a number column; expected DOUBLE, FLOAT, a signed "
							+ "integer, DECIMAL or a decimal string",
					"schema, column quantity, type 'repeated double quantity': not one value per row (a nested or "
							+ "repeated column)");
	}

	@Test
	void typedColumnsBecomeTheValuesTheirTextWouldInEventsCsv() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message events {
				  required int64 EVENT_ID;
				  required int32 Customer_Id;
				  required int64 event_time (TIMESTAMP(MILLIS,true));
				  required binary event_type (ENUM);
				  optional int64 amount (DECIMAL(12,2));
				  optional fixed_len_byte_array(8) quantity (DECIMAL(18,3));
				  optional int32 unrelated;
				}
				""");
		Path file = this.directory.resolve("typed.parquet");
		long utcMillis = LocalDateTime.of(2025, 6, 1, 1, 0, 5).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
		ParquetFiles.write(file, schema, CompressionCodecName.GZIP, 1024 * 1024, (out) -> {
			out.row((row) -> row.append("EVENT_ID", 7L)
				.append("Customer_Id", 42)
				.append("event_time", utcMillis)
				.append("event_type", "payment")
				.append("amount", 1999L)
				.append("quantity", Binary.fromConstantByteArray(new byte[] { -1, -1, -1, -1, -1, -1, -10, 60 }))
				.append("unrelated", 1));
		});

		read(file);

		assertThat(this.errors).isEmpty();
		assertThat(this.events)
			.containsExactly(new Event("7", "42", NINE, EventType.PAYMENT, "", 19.99, -2.5, Map.of()));
	}

	@Test
	void timestampsAdjustedToUtcAreConvertedToTheGivenZone() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message events {
				  required binary event_id (STRING);
				  required binary customer_id (STRING);
				  required int64 event_time (TIMESTAMP(NANOS,true));
				  required binary event_type (STRING);
				}
				""");
		Path file = this.directory.resolve("utc.parquet");
		long nanos = ParquetFiles.micros(LocalDateTime.of(2025, 6, 1, 1, 0, 5)) * 1_000 + 7;
		ParquetFiles.write(file, schema, CompressionCodecName.SNAPPY, 1024 * 1024,
				(out) -> out.row((row) -> row.append("event_id", "E1")
					.append("customer_id", "C1")
					.append("event_time", nanos)
					.append("event_type", "usage")));

		EventParquetReader.read(file, ZoneId.of("Europe/London"), (group, row, event) -> this.events.add(event),
				this.errors::add);

		assertThat(this.events).extracting(Event::time).containsExactly(LocalDateTime.of(2025, 6, 1, 2, 0, 5, 7));
	}

	@Test
	void int96TimestampsAsSparkWritesThemByDefaultAreInstantsInUtc() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message spark_schema {
				  optional binary event_id (STRING);
				  optional binary customer_id (STRING);
				  optional int96 event_time;
				  optional binary event_type (STRING);
				}
				""");
		Path file = this.directory.resolve("spark.parquet");
		// 2025-06-01T01:00:05Z: Julian day 2460828, 3605 seconds into the day.
		ParquetFiles.write(file, schema, CompressionCodecName.SNAPPY, 1024 * 1024,
				(out) -> out.row((row) -> row.append("event_id", "E1")
					.append("customer_id", "C1")
					.append("event_time", new NanoTime(2_460_828, 3_605_000_000_000L))
					.append("event_type", "usage")));

		read(file);

		assertThat(this.errors).isEmpty();
		assertThat(this.events).extracting(Event::time).containsExactly(NINE);
	}

	private long[] read(Path file) throws IOException {
		return EventParquetReader.read(file, EventParquetReader.DEFAULT_ZONE, (rowGroup, row, event) -> {
			this.rowGroups.add(rowGroup);
			this.events.add(event);
		}, this.errors::add);
	}

}
