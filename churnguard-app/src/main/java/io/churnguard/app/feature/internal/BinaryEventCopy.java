package io.churnguard.app.feature.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.EventSource;

/**
 * Reads the whole event log for a batch run as one {@code COPY ... TO STDOUT (FORMAT
 * binary)} stream instead of a cursor. With a cursor, PostgreSQL sends a chunk and then
 * waits for the driver to ask for the next, so the database and the feature engine take
 * turns; a COPY stream keeps the database producing while the engine consumes (the
 * socket's buffers are the only brake). The binary form also spares PostgreSQL printing
 * and the driver parsing numbers and timestamps as text.
 * <p>
 * The layout read here is PostgreSQL's documented binary COPY format: a signature, flags
 * and header extension, then per row a 16-bit field count and for each field a 32-bit
 * length (−1 for NULL) and the value in the type's binary send format — {@code varchar}
 * as UTF-8, {@code timestamp} as microseconds since 2000-01-01, {@code float8} as an IEEE
 * double.
 */
final class BinaryEventCopy {

	private static final int FIELDS = 6;

	/** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
	private static final long PG_EPOCH_SECONDS = 946_684_800L;

	private BinaryEventCopy() {
	}

	/**
	 * The statement that streams the events before a day (and on or after another) in
	 * customer and time order. Dates are written into the statement (COPY takes no
	 * parameters); a {@link LocalDate} prints only digits and dashes.
	 * @param from the first day, or null
	 * @param before the day after the last
	 * @return the COPY statement
	 */
	static String statement(LocalDate from, LocalDate before) {
		return "copy (select customer_id, event_time, event_type, subtype, amount::float8, quantity from event"
				+ " where event_time < '" + before + "'" + ((from != null) ? " and event_time >= '" + from + "'" : "")
				+ " order by customer_id, event_time) to stdout (format binary)";
	}

	/**
	 * Decodes a binary COPY stream of {@link #statement} rows into a sink.
	 * @param in the stream
	 * @param sink receives every event
	 * @throws IOException when the stream fails or is not in the expected form
	 */
	static void read(InputStream in, EventSource.Sink sink) throws IOException {
		BinaryCopyCursor data = new BinaryCopyCursor(in);
		data.header();
		Texts customers = new Texts(1);
		Texts types = new Texts(16);
		Texts subtypes = new Texts(64);
		Map<String, EventType> typeOf = new HashMap<>();
		while (true) {
			short fields = data.int16();
			if (fields == -1) {
				return;
			}
			if (fields != FIELDS) {
				throw new IOException("expected " + FIELDS + " fields per event, got " + fields);
			}
			String customerId = customers.read(data);
			LocalDateTime time = timestamp(data);
			EventType type = typeOf.computeIfAbsent(types.read(data), EventType::fromCode);
			String subtype = subtypes.read(data);
			double amount = float8(data);
			double quantity = float8(data);
			sink.accept(customerId, time, type, subtype, amount, quantity);
		}
	}

	private static LocalDateTime timestamp(BinaryCopyCursor data) throws IOException {
		if (data.int32() != 8) {
			throw new IOException("an event without a time");
		}
		long micros = data.int64();
		long seconds = Math.floorDiv(micros, 1_000_000L);
		int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
		return LocalDateTime.ofEpochSecond(seconds + PG_EPOCH_SECONDS, nanos, ZoneOffset.UTC);
	}

	private static double float8(BinaryCopyCursor data) throws IOException {
		int length = data.int32();
		if (length == -1) {
			return Double.NaN;
		}
		if (length != 8) {
			throw new IOException("a float8 of " + length + " bytes");
		}
		return Double.longBitsToDouble(data.int64());
	}

	/**
	 * Text fields that repeat from row to row — the customer of the previous event, a
	 * handful of types and subtypes — decoded once: a row whose bytes match a remembered
	 * value gets the same String.
	 */
	private static final class Texts {

		private final byte[][] bytes;

		private final String[] strings;

		private int used;

		Texts(int slots) {
			this.bytes = new byte[slots][];
			this.strings = new String[slots];
		}

		String read(BinaryCopyCursor data) throws IOException {
			int length = data.int32();
			if (length < 0) {
				throw new EOFException("a NULL where text was expected");
			}
			data.need(length);
			byte[] buffer = data.buffer;
			int from = data.position;
			data.position += length;
			for (int slot = 0; slot < this.used; slot++) {
				byte[] known = this.bytes[slot];
				if (known.length == length && Arrays.equals(known, 0, length, buffer, from, from + length)) {
					return this.strings[slot];
				}
			}
			String text = new String(buffer, from, length, StandardCharsets.UTF_8);
			// Full: the first slot makes way (for customers, the single slot is the
			// previous row's customer).
			int slot = (this.used < this.strings.length) ? this.used++ : 0;
			this.bytes[slot] = Arrays.copyOfRange(buffer, from, from + length);
			this.strings[slot] = text;
			return text;
		}

	}

}
