package io.churnguard.ml.event;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV into records as Excel writes it: commas, double quotes around
 * fields that contain commas, quotes or line breaks, doubled quotes inside them, CRLF or
 * LF line ends, and an optional UTF-8 byte order mark. Tracks the line where each record
 * starts.
 */
final class CsvRecords {

	private static final int BUFFER = 1 << 16;

	private final Reader in;

	private final char[] buffer = new char[BUFFER];

	private int position;

	private int limit;

	private long line = 1;

	private long recordLine;

	private boolean first = true;

	private final StringBuilder field = new StringBuilder(64);

	CsvRecords(Reader in) {
		this.in = in;
	}

	/** The line on which the last record returned by {@link #next} starts. */
	long recordLine() {
		return this.recordLine;
	}

	/**
	 * The next record's fields.
	 * @return the fields, or null at the end of input
	 * @throws IOException when reading fails or a quoted field is never closed
	 */
	List<String> next() throws IOException {
		if (!fill()) {
			return null;
		}
		if (this.first) {
			this.first = false;
			if (this.buffer[this.position] == '\uFEFF') {
				this.position++;
				if (!fill()) {
					return null;
				}
			}
		}
		this.recordLine = this.line;
		List<String> fields = new ArrayList<>(12);
		this.field.setLength(0);
		boolean quoted = false;
		boolean wasQuoted = false;
		while (fill()) {
			char c = this.buffer[this.position++];
			if (quoted) {
				if (c == '"') {
					if (fill() && this.buffer[this.position] == '"') {
						this.field.append('"');
						this.position++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					this.field.append(c);
				}
			}
			else if (c == ',') {
				fields.add(this.field.toString());
				this.field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '"' && this.field.length() == 0 && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == '\n') {
				this.line++;
				fields.add(trimCarriageReturn());
				return fields;
			}
			else {
				this.field.append(c);
			}
		}
		if (quoted) {
			throw new IOException("line " + this.recordLine + ": a quoted field is never closed");
		}
		fields.add(trimCarriageReturn());
		return fields;
	}

	// The CR of a CRLF line end (also after a closing quote) is no part of the value.
	private String trimCarriageReturn() {
		int length = this.field.length();
		if (length > 0 && this.field.charAt(length - 1) == '\r') {
			this.field.setLength(length - 1);
		}
		return this.field.toString();
	}

	private boolean fill() throws IOException {
		if (this.position < this.limit) {
			return true;
		}
		this.limit = this.in.read(this.buffer, 0, BUFFER);
		this.position = 0;
		return this.limit > 0;
	}

	/** Whether a record is a blank line, which readers skip. */
	static boolean isBlank(List<String> fields) {
		return fields.size() == 1 && fields.get(0).isBlank();
	}

}
