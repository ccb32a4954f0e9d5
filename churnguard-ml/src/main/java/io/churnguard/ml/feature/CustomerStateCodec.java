package io.churnguard.ml.feature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The events part of a {@link CustomerState} as bytes, so that a customer's settled
 * history can be stored once and read back instead of replaying every event: the daily
 * job and real-time scoring then read one row and the days since.
 * <p>
 * Decoding gives a state that evaluates exactly as the encoded one did (doubles are kept
 * bit for bit, counts as integers), and to which later events can be added. Only what can
 * still be read is written: daily buckets older than the longest window before the first
 * day that will ever be evaluated are left out. Attributes are not part of it; they come
 * from the archive at evaluation.
 * <p>
 * Layout (version {@value #VERSION}): a version byte, the first and last event days, then
 * per stream its lifetime count (nothing more when zero), first day, last day, lifetime
 * amount and quantity sums, and its buckets oldest first: the day as a step from the
 * previous one, which statistics are present, the event count, and for amount and
 * quantity when present their count, sum and maximum. Integers are variable-length; a
 * double is a tag and then nothing (zero, or the same as the sum), a whole number, a
 * number of cents, or its eight bytes — whichever gives it back bit for bit.
 */
public final class CustomerStateCodec {

	/** The layout version, part of {@link #layout}. */
	static final int VERSION = 2;

	private static final int HAS_AMOUNT = 1;

	private static final int HAS_QUANTITY = 2;

	// Number tags.
	private static final int ZERO = 0;

	private static final int WHOLE = 1;

	private static final int CENTS = 2;

	private static final int RAW = 3;

	private static final int SAME = 4;

	/** Integers below this are exact as doubles (2^53). */
	private static final long EXACT = 1L << 53;

	private CustomerStateCodec() {
	}

	/**
	 * What a stored state depends on: the codec version and the plan's streams with their
	 * longest windows. States stored under another layout must be rebuilt from the
	 * events.
	 * @param plan the compiled features
	 * @return a short fingerprint
	 */
	public static String layout(FeaturePlan plan) {
		StringBuilder text = new StringBuilder("state-v").append(VERSION);
		for (int s = 0; s < plan.streamCount(); s++) {
			FeaturePlan.Stream stream = plan.stream(s);
			text.append(';')
				.append(stream.type())
				.append('/')
				.append(stream.subtype())
				.append(':')
				.append(plan.maxWindow(s));
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Encodes a state's events.
	 * @param state the state
	 * @param firstEvaluatedDay the earliest epoch day the decoded state will be evaluated
	 * at; buckets no window can reach from it are left out
	 * @return the bytes
	 */
	public static byte[] encode(CustomerState state, int firstEvaluatedDay) {
		Writer out = new Writer();
		out.bytes(VERSION);
		out.zigzag(state.firstEventDay);
		out.zigzag(state.lastEventDay);
		FeaturePlan plan = state.plan;
		for (int s = 0; s < plan.streamCount(); s++) {
			out.varint(state.totalCount[s]);
			if (state.totalCount[s] == 0) {
				continue;
			}
			out.zigzag(state.firstDay[s]);
			out.varint((long) state.lastDay[s] - state.firstDay[s]);
			out.number(state.totalAmount[s]);
			out.number(state.totalQuantity[s]);
			int[] days = state.bucketDay[s];
			if (days == null) {
				out.varint(0);
				continue;
			}
			double[] stats = state.bucketStats[s];
			int mask = days.length - 1;
			int oldestKept = firstEvaluatedDay - plan.maxWindow(s);
			int first = 0;
			while (first < state.size[s] && days[(state.head[s] + first) & mask] < oldestKept) {
				first++;
			}
			out.varint(state.size[s] - first);
			int previous = state.firstDay[s];
			for (int i = first; i < state.size[s]; i++) {
				int index = (state.head[s] + i) & mask;
				int at = index * CustomerState.STRIDE;
				out.varint((long) days[index] - previous);
				previous = days[index];
				boolean amount = stats[at + CustomerState.AMOUNT_COUNT] > 0;
				boolean quantity = stats[at + CustomerState.QUANTITY_COUNT] > 0;
				out.bytes((amount ? HAS_AMOUNT : 0) | (quantity ? HAS_QUANTITY : 0));
				out.varint((long) stats[at + CustomerState.COUNT]);
				if (amount) {
					out.varint((long) stats[at + CustomerState.AMOUNT_COUNT]);
					out.number(stats[at + CustomerState.AMOUNT_SUM]);
					out.numberOr(stats[at + CustomerState.AMOUNT_MAX], stats[at + CustomerState.AMOUNT_SUM]);
				}
				if (quantity) {
					out.varint((long) stats[at + CustomerState.QUANTITY_COUNT]);
					out.number(stats[at + CustomerState.QUANTITY_SUM]);
					out.numberOr(stats[at + CustomerState.QUANTITY_MAX], stats[at + CustomerState.QUANTITY_SUM]);
				}
			}
		}
		return out.toArray();
	}

	/**
	 * Restores encoded events into a state, replacing the events it held and keeping its
	 * customer and attributes.
	 * @param bytes what {@link #encode} wrote under the same plan
	 * @param state the state to fill, for example just {@linkplain CustomerState#reset
	 * reset} for the customer
	 * @throws IllegalArgumentException when the bytes are not a state of this layout
	 */
	public static void decodeInto(byte[] bytes, CustomerState state) {
		Reader in = new Reader(bytes);
		int version = in.bytes();
		if (version != VERSION) {
			throw new IllegalArgumentException(
					"stored feature state has layout version " + version + ", not " + VERSION);
		}
		state.firstEventDay = in.zigzag();
		state.lastEventDay = in.zigzag();
		FeaturePlan plan = state.plan;
		for (int s = 0; s < plan.streamCount(); s++) {
			state.head[s] = 0;
			state.size[s] = 0;
			long total = in.varint();
			state.totalCount[s] = total;
			if (total == 0) {
				state.firstDay[s] = CustomerState.NONE;
				state.lastDay[s] = CustomerState.NONE;
				state.totalAmount[s] = 0;
				state.totalQuantity[s] = 0;
				continue;
			}
			state.firstDay[s] = in.zigzag();
			state.lastDay[s] = (int) (state.firstDay[s] + in.varint());
			state.totalAmount[s] = in.number();
			state.totalQuantity[s] = in.number();
			int buckets = (int) in.varint();
			if (buckets == 0) {
				continue;
			}
			int capacity = Math.max(CustomerState.INITIAL_CAPACITY, Integer.highestOneBit(buckets - 1) << 1);
			if (state.bucketDay[s] == null || state.bucketDay[s].length < capacity) {
				state.allocate(s, capacity);
			}
			int[] days = state.bucketDay[s];
			double[] stats = state.bucketStats[s];
			int day = state.firstDay[s];
			for (int i = 0; i < buckets; i++) {
				day += (int) in.varint();
				days[i] = day;
				int at = i * CustomerState.STRIDE;
				int present = in.bytes();
				stats[at + CustomerState.COUNT] = in.varint();
				stats[at + CustomerState.AMOUNT_COUNT] = 0;
				stats[at + CustomerState.AMOUNT_SUM] = 0;
				stats[at + CustomerState.AMOUNT_MAX] = Double.NEGATIVE_INFINITY;
				stats[at + CustomerState.QUANTITY_COUNT] = 0;
				stats[at + CustomerState.QUANTITY_SUM] = 0;
				stats[at + CustomerState.QUANTITY_MAX] = Double.NEGATIVE_INFINITY;
				if ((present & HAS_AMOUNT) != 0) {
					stats[at + CustomerState.AMOUNT_COUNT] = in.varint();
					stats[at + CustomerState.AMOUNT_SUM] = in.number();
					stats[at + CustomerState.AMOUNT_MAX] = in.numberOr(stats[at + CustomerState.AMOUNT_SUM]);
				}
				if ((present & HAS_QUANTITY) != 0) {
					stats[at + CustomerState.QUANTITY_COUNT] = in.varint();
					stats[at + CustomerState.QUANTITY_SUM] = in.number();
					stats[at + CustomerState.QUANTITY_MAX] = in.numberOr(stats[at + CustomerState.QUANTITY_SUM]);
				}
			}
			state.size[s] = buckets;
		}
		if (in.position != bytes.length) {
			throw new IllegalArgumentException(
					"stored feature state has " + (bytes.length - in.position) + " bytes more than its layout holds");
		}
	}

	/** A growing byte array with variable-length integers. */
	private static final class Writer {

		private byte[] buffer = new byte[256];

		private int length;

		void bytes(int value) {
			ensure(1);
			this.buffer[this.length++] = (byte) value;
		}

		void varint(long value) {
			ensure(10);
			long rest = value;
			while ((rest & ~0x7FL) != 0) {
				this.buffer[this.length++] = (byte) ((rest & 0x7F) | 0x80);
				rest >>>= 7;
			}
			this.buffer[this.length++] = (byte) rest;
		}

		void zigzag(int value) {
			zigzag((long) value);
		}

		// A tag, then as few bytes as give the double back bit for bit: amounts are
		// mostly whole or in cents, and a day with one event has its sum as its maximum.
		void number(double value) {
			long bits = Double.doubleToRawLongBits(value);
			if (bits == 0) {
				bytes(ZERO);
				return;
			}
			long whole = (long) value;
			if (Math.abs(whole) < EXACT && Double.doubleToRawLongBits(whole) == bits) {
				bytes(WHOLE);
				zigzag(whole);
				return;
			}
			long cents = Math.round(value * 100);
			if (Math.abs(cents) < EXACT && Double.doubleToRawLongBits(cents / 100.0) == bits) {
				bytes(CENTS);
				zigzag(cents);
				return;
			}
			bytes(RAW);
			float64(value);
		}

		void numberOr(double value, double same) {
			if (Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(same)) {
				bytes(SAME);
			}
			else {
				number(value);
			}
		}

		void zigzag(long value) {
			varint((value << 1) ^ (value >> 63));
		}

		void float64(double value) {
			ensure(8);
			long bits = Double.doubleToRawLongBits(value);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.buffer[this.length++] = (byte) (bits >>> shift);
			}
		}

		byte[] toArray() {
			return Arrays.copyOf(this.buffer, this.length);
		}

		private void ensure(int more) {
			if (this.length + more > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + more));
			}
		}

	}

	/** Reads what {@link Writer} wrote, failing clearly on truncated bytes. */
	private static final class Reader {

		private final byte[] bytes;

		int position;

		Reader(byte[] bytes) {
			this.bytes = bytes;
		}

		int bytes() {
			check(1);
			return this.bytes[this.position++] & 0xFF;
		}

		long varint() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				int b = bytes();
				value |= (long) (b & 0x7F) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("stored feature state has a malformed number");
		}

		int zigzag() {
			return (int) zigzagLong();
		}

		long zigzagLong() {
			long value = varint();
			return (value >>> 1) ^ -(value & 1);
		}

		double number() {
			int tag = bytes();
			if (tag == SAME) {
				throw new IllegalArgumentException("stored feature state refers to a value it does not have");
			}
			return value(tag, Double.NaN);
		}

		double numberOr(double same) {
			return value(bytes(), same);
		}

		private double value(int tag, double same) {
			return switch (tag) {
				case ZERO -> 0.0;
				case WHOLE -> zigzagLong();
				case CENTS -> zigzagLong() / 100.0;
				case RAW -> float64();
				case SAME -> same;
				default -> throw new IllegalArgumentException("stored feature state has an unknown number tag " + tag);
			};
		}

		double float64() {
			check(8);
			long bits = 0;
			for (int i = 0; i < 8; i++) {
				bits = (bits << 8) | (this.bytes[this.position++] & 0xFF);
			}
			return Double.longBitsToDouble(bits);
		}

		private void check(int more) {
			if (this.position + more > this.bytes.length) {
				throw new IllegalArgumentException("stored feature state is truncated");
			}
		}

	}

}
