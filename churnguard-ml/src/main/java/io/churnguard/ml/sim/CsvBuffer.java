package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the handful of CSV primitives the simulator needs, written
 * straight as UTF-8 bytes: no {@code String.format}, no per-field objects, fixed-decimal
 * numbers by integer arithmetic. One buffer holds the rows of one chunk of customers.
 */
final class CsvBuffer {

	private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

	private byte[] bytes;

	private int size;

	CsvBuffer(int initialCapacity) {
		this.bytes = new byte[Math.max(16, initialCapacity)];
	}

	int size() {
		return this.size;
	}

	void clear() {
		this.size = 0;
	}

	void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes, 0, this.size);
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	private void ensure(int more) {
		if (this.size + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
		}
	}

	CsvBuffer bytes(byte[] value) {
		ensure(value.length);
		System.arraycopy(value, 0, this.bytes, this.size, value.length);
		this.size += value.length;
		return this;
	}

	CsvBuffer comma() {
		ensure(1);
		this.bytes[this.size++] = ',';
		return this;
	}

	CsvBuffer newline() {
		ensure(1);
		this.bytes[this.size++] = '\n';
		return this;
	}

	CsvBuffer ascii(char c) {
		ensure(1);
		this.bytes[this.size++] = (byte) c;
		return this;
	}

	/**
	 * Appends a text field, quoted as RFC 4180 asks when it holds a comma, quote or line
	 * break.
	 */
	CsvBuffer text(String value) {
		if (value == null || value.isEmpty()) {
			return this;
		}
		return bytes(utf8Field(value));
	}

	/** The UTF-8 bytes of a CSV field, quoted when needed; for values written often. */
	static byte[] utf8Field(String value) {
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0;
		String field = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
		return field.getBytes(StandardCharsets.UTF_8);
	}

	/** Appends an integer in decimal. */
	CsvBuffer integer(long value) {
		ensure(20);
		if (value < 0) {
			if (value == Long.MIN_VALUE) {
				return bytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
			}
			this.bytes[this.size++] = '-';
			value = -value;
		}
		int end = this.size + digits(value);
		int i = end;
		if (value <= Integer.MAX_VALUE) {
			// int division is cheaper; most numbers written are small.
			int v = (int) value;
			do {
				int q = v / 10;
				this.bytes[--i] = (byte) ('0' + (v - q * 10));
				v = q;
			}
			while (v != 0);
		}
		else {
			long v = value;
			do {
				long q = v / 10;
				this.bytes[--i] = (byte) ('0' + (v - q * 10));
				v = q;
			}
			while (v != 0);
		}
		this.size = end;
		return this;
	}

	/** Appends a number from 0 to 99 as two digits. */
	CsvBuffer twoDigits(int value) {
		ensure(2);
		int tens = value / 10;
		this.bytes[this.size++] = (byte) ('0' + tens);
		this.bytes[this.size++] = (byte) ('0' + (value - tens * 10));
		return this;
	}

	/** Appends an integer left-padded with zeros to the given width. */
	CsvBuffer zeroPadded(long value, int width) {
		int digits = digits(value);
		ensure(Math.max(width, digits));
		for (int i = digits; i < width; i++) {
			this.bytes[this.size++] = '0';
		}
		return integer(value);
	}

	/**
	 * Appends a number rounded half-up to a fixed number of decimals (at most 6), e.g.
	 * {@code 58.00}; NaN writes nothing (an absent value).
	 */
	CsvBuffer fixed(double value, int decimals) {
		if (Double.isNaN(value)) {
			return this;
		}
		long scale = POWERS_OF_TEN[decimals];
		long scaled = Math.round(Math.abs(value) * scale);
		if (value < 0 && scaled != 0) {
			ascii('-');
		}
		integer(scaled / scale);
		if (decimals > 0) {
			ascii('.');
			zeroPadded(scaled % scale, decimals);
		}
		return this;
	}

	private static int digits(long value) {
		if (value < 10) {
			return 1;
		}
		if (value < 100) {
			return 2;
		}
		if (value < 1000) {
			return 3;
		}
		if (value < 10000) {
			return 4;
		}
		int digits = 5;
		for (long limit = 100_000; value >= limit && digits < 19; limit *= 10) {
			digits++;
		}
		return digits;
	}

}
