package io.churnguard.app.feature.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A binary COPY stream read in large chunks and decoded in place: through a
 * DataInputStream, every field of a hundred million events was several synchronized calls
 * on the buffered stream, which made decoding — not PostgreSQL — the slower end of the
 * pipe.
 */
final class BinaryCopyCursor {

	private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

	private final InputStream in;

	byte[] buffer = new byte[1 << 20];

	int position;

	private int limit;

	BinaryCopyCursor(InputStream in) {
		this.in = in;
	}

	/**
	 * Reads the stream's header: the signature, flags and header extension.
	 * @throws IOException when the stream is not a binary COPY stream
	 */
	void header() throws IOException {
		need(SIGNATURE.length + 8);
		if (!Arrays.equals(this.buffer, this.position, this.position + SIGNATURE.length, SIGNATURE, 0,
				SIGNATURE.length)) {
			throw new IOException("not a PostgreSQL binary COPY stream");
		}
		this.position += SIGNATURE.length;
		int32();
		skip(int32());
	}

	/** Makes at least {@code bytes} bytes available from {@link #position}. */
	void need(int bytes) throws IOException {
		if (this.limit - this.position >= bytes) {
			return;
		}
		System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
		this.limit -= this.position;
		this.position = 0;
		if (bytes > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(bytes, 2 * this.buffer.length));
		}
		while (this.limit < bytes) {
			int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				throw new EOFException("the COPY stream ended in the middle of an event");
			}
			this.limit += read;
		}
	}

	/**
	 * Reads a field that is not NULL: its length, then its bytes.
	 * @return the bytes
	 * @throws IOException when the field is NULL or the stream ends
	 */
	byte[] field() throws IOException {
		int length = int32();
		if (length < 0) {
			throw new EOFException("a NULL where a value was expected");
		}
		need(length);
		byte[] bytes = Arrays.copyOfRange(this.buffer, this.position, this.position + length);
		this.position += length;
		return bytes;
	}

	void skip(int bytes) throws IOException {
		need(bytes);
		this.position += bytes;
	}

	short int16() throws IOException {
		need(2);
		short value = (short) (((this.buffer[this.position] & 0xff) << 8) | (this.buffer[this.position + 1] & 0xff));
		this.position += 2;
		return value;
	}

	int int32() throws IOException {
		need(4);
		int value = bigEndianInt(this.buffer, this.position);
		this.position += 4;
		return value;
	}

	long int64() throws IOException {
		need(8);
		long value = ((long) bigEndianInt(this.buffer, this.position) << 32)
				| (bigEndianInt(this.buffer, this.position + 4) & 0xffffffffL);
		this.position += 8;
		return value;
	}

	private static int bigEndianInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
				| (bytes[at + 3] & 0xff);
	}

}
