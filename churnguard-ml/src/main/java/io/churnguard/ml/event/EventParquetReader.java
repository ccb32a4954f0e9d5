package io.churnguard.ml.event;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads an events Parquet file (the columns of {@code events.csv}, docs/data-formats.md)
 * into {@link Event}s, one row group at a time, so memory stays bounded by the largest
 * row group whatever the file's size. Values are validated as {@link EventCsvReader}
 * validates text, and each bad row yields every one of its errors as a
 * {@link ParquetError} naming the row group, row, column, value and reason; reading goes
 * on. A missing required column, or a column of a type that cannot hold its values, is
 * reported as a schema error and nothing is read.
 *
 * <p>
 * Accepted column types: the text columns ({@code event_id}, {@code customer_id},
 * {@code event_type}, {@code subtype}, {@code attributes}) as strings (BYTE_ARRAY, plain
 * or STRING / ENUM / JSON) or, for numeric ids, signed integers; {@code event_time} as a
 * TIMESTAMP (INT64, millis, micros or nanos), a legacy INT96 timestamp (an instant, as
 * Spark writes it by default) or an ISO local date-time string; {@code amount} and
 * {@code quantity} as DOUBLE, FLOAT, signed integers, DECIMAL or decimal strings. A
 * timestamp with local semantics ({@code isAdjustedToUTC = false}) is the wall-clock time
 * as written; one adjusted to UTC is an instant, converted to the business's time zone.
 * Column names are matched ignoring case; other columns are not read.
 */
public final class EventParquetReader {

	/** Columns a file must have. */
	public static final List<String> REQUIRED_COLUMNS = EventCsvReader.REQUIRED_COLUMNS;

	/** The business's time zone unless configured, for timestamps adjusted to UTC. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final List<String> TEXT_COLUMNS = List.of("event_id", "customer_id", "event_type", "subtype",
			"attributes");

	private static final List<String> COLUMNS = List.of("event_id", "customer_id", "event_time", "event_type",
			"subtype", "amount", "quantity", "attributes");

	private EventParquetReader() {
	}

	/**
	 * Reads a whole file in file order, handing on valid events and errors as they come.
	 * @param file the Parquet file
	 * @param zone the time zone that timestamps adjusted to UTC are converted to
	 * @param accepted receives each valid event with its row group and row
	 * @param rejected receives every error
	 * @return the number of rows read and of rows rejected, as {@code [read, rejected]}
	 * @throws IOException when the file cannot be read, is not Parquet, or
	 * {@code accepted} fails
	 */
	public static long[] read(Path file, ZoneId zone, RowConsumer accepted, Consumer<ParquetError> rejected)
			throws IOException {
		Objects.requireNonNull(zone, "zone");
		ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
			.withCodecFactory(new ParquetCodecs())
			.build();
		try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(file), options)) {
			MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
			List<ParquetError> schemaErrors = new ArrayList<>();
			Field[] fields = resolve(fileSchema, zone, schemaErrors);
			if (!schemaErrors.isEmpty()) {
				schemaErrors.forEach(rejected);
				return new long[] { 0, 0 };
			}
			List<Type> requested = new ArrayList<>();
			for (Field field : fields) {
				if (field != null) {
					requested.add(field.type);
				}
			}
			MessageType projection = new MessageType(fileSchema.getName(), requested);
			reader.setRequestedSchema(projection);
			MessageColumnIO columnIO = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
				.getColumnIO(projection, fileSchema);
			Row row = new Row(fields);
			long read = 0;
			long bad = 0;
			int rowGroup = 0;
			for (PageReadStore next = reader.readNextRowGroup(); next != null; next = reader.readNextRowGroup()) {
				try (PageReadStore pages = next) {
					RecordReader<Row> records = columnIO.getRecordReader(pages, row);
					long rows = pages.getRowCount();
					for (long i = 0; i < rows; i++) {
						records.read();
						List<ParquetError> errors = new ArrayList<>(0);
						Event event = row.event(rowGroup, read, errors);
						if (event != null) {
							accepted.accept(rowGroup, read, event);
						}
						else {
							bad++;
							errors.forEach(rejected);
						}
						read++;
					}
				}
				rowGroup++;
			}
			return new long[] { read, bad };
		}
	}

	private static Field[] resolve(MessageType schema, ZoneId zone, List<ParquetError> errors) {
		Map<String, Type> byName = new HashMap<>();
		for (Type type : schema.getFields()) {
			byName.putIfAbsent(type.getName().strip().toLowerCase(Locale.ROOT), type);
		}
		Field[] fields = new Field[COLUMNS.size()];
		for (int i = 0; i < fields.length; i++) {
			String column = COLUMNS.get(i);
			Type type = byName.get(column);
			if (type == null) {
				if (REQUIRED_COLUMNS.contains(column)) {
					errors.add(ParquetError.schema(column, "", "required column missing from the file's schema"));
				}
				continue;
			}
			if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
				errors.add(ParquetError.schema(column, type.toString(),
						"not one value per row (a nested or repeated column)"));
				continue;
			}
			PrimitiveType primitive = type.asPrimitiveType();
			Mode mode = mode(column, primitive);
			if (mode == null) {
				errors.add(ParquetError.schema(column, describe(primitive), expected(column)));
				continue;
			}
			fields[i] = new Field(column, primitive, mode, zone);
		}
		return fields;
	}

	private static Mode mode(String column, PrimitiveType type) {
		LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
		boolean text = logical == null || logical.equals(LogicalTypeAnnotation.stringType())
				|| logical.equals(LogicalTypeAnnotation.enumType()) || logical.equals(LogicalTypeAnnotation.jsonType());
		boolean signedInteger = logical == null
				|| (logical instanceof IntLogicalTypeAnnotation integer && integer.isSigned());
		switch (type.getPrimitiveTypeName()) {
			case BINARY:
				if (logical instanceof DecimalLogicalTypeAnnotation) {
					return column.equals("amount") || column.equals("quantity") ? Mode.DECIMAL_BYTES : null;
				}
				return text ? Mode.TEXT : null;
			case FIXED_LEN_BYTE_ARRAY:
				return (logical instanceof DecimalLogicalTypeAnnotation)
						&& (column.equals("amount") || column.equals("quantity")) ? Mode.DECIMAL_BYTES : null;
			case INT32:
			case INT64:
				if (column.equals("event_time")) {
					return (logical instanceof TimestampLogicalTypeAnnotation) ? Mode.TIMESTAMP : null;
				}
				if (logical instanceof DecimalLogicalTypeAnnotation) {
					return TEXT_COLUMNS.contains(column) ? null : Mode.DECIMAL_INTEGER;
				}
				return signedInteger ? Mode.INTEGER : null;
			case INT96:
				return column.equals("event_time") ? Mode.INT96 : null;
			case FLOAT:
			case DOUBLE:
				return (column.equals("amount") || column.equals("quantity")) ? Mode.FLOATING : null;
			default:
				return null;
		}
	}

	private static String expected(String column) {
		return switch (column) {
			case "event_time" -> "not a date-time column; expected TIMESTAMP (INT64 millis, micros or nanos), "
					+ "INT96 or an ISO date-time string";
			case "amount", "quantity" ->
				"not a number column; expected DOUBLE, FLOAT, a signed integer, DECIMAL " + "or a decimal string";
			default -> "not a text column; expected a string (BYTE_ARRAY) or a signed integer";
		};
	}

	private static String describe(PrimitiveType type) {
		LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
		return type.getPrimitiveTypeName() + ((logical != null) ? " " + logical : "");
	}

	/** Receives each valid event with where it was read from. */
	@FunctionalInterface
	public interface RowConsumer {

		/**
		 * One valid event.
		 * @param rowGroup the 0-based row group
		 * @param row the 0-based row in the file
		 * @param event the event
		 * @throws IOException to stop reading
		 */
		void accept(int rowGroup, long row, Event event) throws IOException;

	}

	/** How a column's physical values become the event's values. */
	private enum Mode {

		/** UTF-8 bytes. */
		TEXT,
		/** A signed integer: an id as text, or a number. */
		INTEGER,
		/** A DECIMAL stored as an integer. */
		DECIMAL_INTEGER,
		/** A DECIMAL stored as bytes (big-endian two's complement). */
		DECIMAL_BYTES,
		/** FLOAT or DOUBLE. */
		FLOATING,
		/** An INT64 (or INT32) TIMESTAMP. */
		TIMESTAMP,
		/**
		 * The legacy timestamp of Spark, Hive and Impala: nanoseconds of the day and a
		 * Julian day number, an instant in UTC.
		 */
		INT96

	}

	/** One projected column: receives its value of the current row. */
	private static final class Field extends PrimitiveConverter {

		private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;

		final String column;

		final PrimitiveType type;

		final Mode mode;

		private final ZoneId zone;

		private final int scale;

		private final TimeUnit unit;

		private final boolean adjustedToUtc;

		boolean present;

		String text;

		long integer;

		int julianDay;

		double number;

		private Dictionary dictionary;

		private String[] decoded;

		Field(String column, PrimitiveType type, Mode mode, ZoneId zone) {
			this.column = column;
			this.type = type;
			this.mode = mode;
			this.zone = zone;
			LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
			this.scale = (logical instanceof DecimalLogicalTypeAnnotation decimal) ? decimal.getScale() : 0;
			TimestampLogicalTypeAnnotation timestamp = (logical instanceof TimestampLogicalTypeAnnotation t) ? t : null;
			this.unit = (timestamp != null) ? timestamp.getUnit() : null;
			this.adjustedToUtc = timestamp != null && timestamp.isAdjustedToUTC();
		}

		@Override
		public boolean hasDictionarySupport() {
			// Ids, types and subtypes repeat: decode each dictionary entry once.
			return this.mode == Mode.TEXT;
		}

		@Override
		public void setDictionary(Dictionary dictionary) {
			this.dictionary = dictionary;
			this.decoded = new String[dictionary.getMaxId() + 1];
		}

		@Override
		public void addValueFromDictionary(int id) {
			String value = this.decoded[id];
			if (value == null) {
				value = this.dictionary.decodeToBinary(id).toStringUsingUTF8();
				this.decoded[id] = value;
			}
			this.text = value;
			this.present = true;
		}

		@Override
		public void addBinary(Binary value) {
			if (this.mode == Mode.DECIMAL_BYTES) {
				this.number = new BigDecimal(new BigInteger(value.getBytes()), this.scale).doubleValue();
			}
			else if (this.mode == Mode.INT96) {
				ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
				this.integer = bytes.getLong(bytes.position());
				this.julianDay = bytes.getInt(bytes.position() + 8);
			}
			else {
				this.text = value.toStringUsingUTF8();
			}
			this.present = true;
		}

		@Override
		public void addInt(int value) {
			addLong(value);
		}

		@Override
		public void addLong(long value) {
			this.integer = value;
			this.number = (this.mode == Mode.DECIMAL_INTEGER) ? BigDecimal.valueOf(value, this.scale).doubleValue()
					: value;
			this.present = true;
		}

		@Override
		public void addFloat(float value) {
			addDouble(value);
		}

		@Override
		public void addDouble(double value) {
			this.number = value;
			this.present = true;
		}

		/** The value as text, stripped like a CSV field; empty when null. */
		String text() {
			if (!this.present) {
				return "";
			}
			return switch (this.mode) {
				case TEXT -> this.text.strip();
				case INTEGER, TIMESTAMP -> Long.toString(this.integer);
				case INT96 -> "INT96 Julian day " + this.julianDay + ", nanosecond " + this.integer;
				default -> Double.toString(this.number);
			};
		}

		LocalDateTime timestamp() {
			if (this.mode == Mode.INT96) {
				long epochDay = this.julianDay - JULIAN_DAY_OF_EPOCH;
				return LocalDateTime
					.ofInstant(Instant.ofEpochSecond(Math.multiplyExact(epochDay, 86_400L), this.integer), this.zone);
			}
			long seconds;
			long nanos;
			switch (this.unit) {
				case MILLIS -> {
					seconds = Math.floorDiv(this.integer, 1_000L);
					nanos = Math.floorMod(this.integer, 1_000L) * 1_000_000L;
				}
				case MICROS -> {
					seconds = Math.floorDiv(this.integer, 1_000_000L);
					nanos = Math.floorMod(this.integer, 1_000_000L) * 1_000L;
				}
				default -> {
					seconds = Math.floorDiv(this.integer, 1_000_000_000L);
					nanos = Math.floorMod(this.integer, 1_000_000_000L);
				}
			}
			return this.adjustedToUtc ? LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), this.zone)
					: LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
		}

	}

	/** The current row: the root converter over the projected columns. */
	private static final class Row extends RecordMaterializer<Row> {

		private final Field[] byColumn;

		private final Field[] projected;

		private final GroupConverter root = new GroupConverter() {

			@Override
			public Converter getConverter(int fieldIndex) {
				return Row.this.projected[fieldIndex];
			}

			@Override
			public void start() {
				for (Field field : Row.this.projected) {
					field.present = false;
				}
			}

			@Override
			public void end() {
			}

		};

		Row(Field[] byColumn) {
			this.byColumn = byColumn;
			List<Field> present = new ArrayList<>();
			for (Field field : byColumn) {
				if (field != null) {
					present.add(field);
				}
			}
			this.projected = present.toArray(new Field[0]);
		}

		@Override
		public Row getCurrentRecord() {
			return this;
		}

		@Override
		public GroupConverter getRootConverter() {
			return this.root;
		}

		/** The current row's event, or null with its errors added. */
		Event event(int rowGroup, long row, List<ParquetError> errors) {
			Errors report = new Errors(rowGroup, row, errors);
			String eventId = required(0, report);
			String customerId = required(1, report);
			LocalDateTime time = time(report);
			String typeCode = required(3, report);
			EventType type = null;
			if (!typeCode.isEmpty()) {
				try {
					type = EventType.fromCode(typeCode);
				}
				catch (IllegalArgumentException ex) {
					report.add("event_type", typeCode, "unknown event type");
				}
			}
			String subtype = text(4).toLowerCase(Locale.ROOT);
			double amount = number(5, report);
			double quantity = number(6, report);
			String attributesText = text(7);
			Map<String, String> attributes = EventValues.attributes(attributesText);
			if (attributes == null) {
				report.add("attributes", attributesText, "not a JSON object");
			}
			if (!errors.isEmpty()) {
				return null;
			}
			return new Event(eventId, customerId, time, type, subtype, amount, quantity, attributes);
		}

		private String text(int column) {
			Field field = this.byColumn[column];
			return (field != null) ? field.text() : "";
		}

		private String required(int column, Errors report) {
			String value = text(column);
			if (value.isEmpty()) {
				report.add(COLUMNS.get(column), value, "required value missing");
			}
			return value;
		}

		private LocalDateTime time(Errors report) {
			Field field = this.byColumn[2];
			if ((field.mode == Mode.TIMESTAMP || field.mode == Mode.INT96) && field.present) {
				try {
					return field.timestamp();
				}
				catch (DateTimeException | ArithmeticException ex) {
					report.add("event_time", field.text(), "a timestamp out of the range of dates");
					return null;
				}
			}
			String value = required(2, report);
			if (value.isEmpty()) {
				return null;
			}
			LocalDateTime parsed = EventValues.dateTime(value);
			if (parsed == null) {
				report.add("event_time", value, "not a date-time (yyyy-MM-ddTHH:mm:ss)");
			}
			return parsed;
		}

		private double number(int column, Errors report) {
			Field field = this.byColumn[column];
			if (field == null || !field.present) {
				return Double.NaN;
			}
			if (field.mode == Mode.TEXT) {
				String value = field.text();
				if (value.isEmpty()) {
					return Double.NaN;
				}
				try {
					double parsed = Double.parseDouble(value);
					if (Double.isFinite(parsed)) {
						return parsed;
					}
				}
				catch (NumberFormatException ex) {
					// reported below
				}
				report.add(field.column, value, "not a decimal number");
				return Double.NaN;
			}
			if (!Double.isFinite(field.number)) {
				report.add(field.column, field.text(), "not a finite number");
				return Double.NaN;
			}
			return field.number;
		}

	}

	private record Errors(int rowGroup, long row, List<ParquetError> errors) {

		void add(String column, String value, String reason) {
			this.errors.add(new ParquetError(this.rowGroup, this.row, column, value, reason));
		}

	}

}
