package io.churnguard.ml.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.churnguard.ml.event.Event;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.xerial.snappy.Snappy;

/**
 * Writes Parquet files in tests with parquet's example writer and compressors of our own,
 * so that writing, like reading, needs no Hadoop configuration at run time.
 */
public final class ParquetFiles {

	/** The events schema as pyarrow or DuckDB write it from a typed table. */
	public static final MessageType EVENTS = MessageTypeParser.parseMessageType("""
			message events {
			  required binary event_id (STRING);
			  required binary customer_id (STRING);
			  required int64 event_time (TIMESTAMP(MICROS,false));
			  required binary event_type (STRING);
			  optional binary subtype (STRING);
			  optional double amount;
			  optional double quantity;
			  optional binary attributes (STRING);
			}
			""");

	private ParquetFiles() {
	}

	/**
	 * Writes rows of any schema.
	 * @param file the file to write (replaced)
	 * @param schema the schema
	 * @param codec the compression
	 * @param rowGroupBytes the row group size; small values give many row groups
	 * @param rows fills the rows: each call to the consumer's argument appends one
	 * @throws IOException when writing fails
	 */
	public static void write(Path file, MessageType schema, CompressionCodecName codec, long rowGroupBytes,
			Consumer<RowWriter> rows) throws IOException {
		SimpleGroupFactory groups = new SimpleGroupFactory(schema);
		try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
			.withConf(new PlainParquetConfiguration())
			.withCodecFactory(new Compressors())
			.withCompressionCodec(codec)
			.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
			.withType(schema)
			.withRowGroupSize(rowGroupBytes)
			.withPageSize(4096)
			.withMinRowCountForPageSizeCheck(10)
			.withMaxRowCountForPageSizeCheck(100)
			.build()) {
			rows.accept((fill) -> {
				Group group = groups.newGroup();
				fill.accept(group);
				try {
					writer.write(group);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

	/**
	 * Writes events with the {@link #EVENTS} schema, in the order given.
	 * @param file the file to write
	 * @param events the events
	 * @param codec the compression
	 * @param rowGroupBytes the row group size
	 * @throws IOException when writing fails
	 */
	public static void writeEvents(Path file, List<Event> events, CompressionCodecName codec, long rowGroupBytes)
			throws IOException {
		write(file, EVENTS, codec, rowGroupBytes, (out) -> {
			for (Event event : events) {
				out.row((row) -> {
					row.append("event_id", event.eventId())
						.append("customer_id", event.customerId())
						.append("event_time", micros(event.time()))
						.append("event_type", event.type().code());
					if (!event.subtype().isEmpty()) {
						row.append("subtype", event.subtype());
					}
					if (event.hasAmount()) {
						row.append("amount", event.amount());
					}
					if (event.hasQuantity()) {
						row.append("quantity", event.quantity());
					}
					if (!event.attributes().isEmpty()) {
						row.append("attributes", AttributesJson.of(event.attributes()));
					}
				});
			}
		});
	}

	/**
	 * A local date-time as microseconds of a timestamp with local semantics.
	 * @param time the wall-clock time
	 * @return the microseconds
	 */
	public static long micros(LocalDateTime time) {
		return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1_000;
	}

	/** Appends rows. */
	@FunctionalInterface
	public interface RowWriter {

		/**
		 * Appends one row.
		 * @param fill sets the row's values; columns left alone are null
		 */
		void row(Consumer<Group> fill);

	}

	/** Plain JSON of string values, enough for test attributes. */
	private static final class AttributesJson {

		static String of(java.util.Map<String, String> attributes) {
			StringBuilder json = new StringBuilder("{");
			attributes.forEach((key, value) -> {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append(quote(key)).append(':').append(quote(value));
			});
			return json.append('}').toString();
		}

		private static String quote(String text) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					quoted.append('\\').append(c);
				}
				else if (c < 0x20) {
					quoted.append(String.format("\\u%04x", (int) c));
				}
				else {
					quoted.append(c);
				}
			}
			return quoted.append('"').toString();
		}

	}

	/** Page compression through the libraries parquet depends on. */
	private static final class Compressors implements CompressionCodecFactory {

		@Override
		public BytesInputCompressor getCompressor(CompressionCodecName codec) {
			return new BytesInputCompressor() {

				@Override
				public BytesInput compress(BytesInput bytes) throws IOException {
					byte[] in = bytes.toByteArray();
					return BytesInput.from(switch (codec) {
						case UNCOMPRESSED -> in;
						case SNAPPY -> Snappy.compress(in);
						case ZSTD -> Zstd.compress(in);
						case GZIP -> gzip(in);
						case LZ4_RAW -> lz4(in);
						default -> throw new IOException("no test compressor for " + codec);
					});
				}

				@Override
				public CompressionCodecName getCodecName() {
					return codec;
				}

				@Override
				public void release() {
				}

			};
		}

		@Override
		public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
			throw new UnsupportedOperationException("writing only");
		}

		@Override
		public void release() {
		}

		private static byte[] gzip(byte[] in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (OutputStream out = new GZIPOutputStream(bytes)) {
				out.write(in);
			}
			return bytes.toByteArray();
		}

		private static byte[] lz4(byte[] in) {
			Lz4Compressor compressor = new Lz4Compressor();
			byte[] out = new byte[compressor.maxCompressedLength(in.length)];
			int length = compressor.compress(in, 0, in.length, out, 0, out.length);
			return Arrays.copyOf(out, length);
		}

	}

}
