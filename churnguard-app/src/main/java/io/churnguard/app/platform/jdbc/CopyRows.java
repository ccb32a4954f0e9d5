package io.churnguard.app.platform.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.postgresql.PGConnection;

/**
 * Rows in COPY's CSV format, written into a buffer and sent in one
 * {@code COPY … FROM STDIN}. COPY is several times faster than batched INSERTs, which is
 * what makes bulk imports fast. A missing value is an unquoted empty field (COPY's NULL);
 * text is always quoted, so an empty string stays an empty string.
 */
public final class CopyRows {

	private final StringBuilder buffer;

	private boolean firstInRow = true;

	private int rows;

	public CopyRows(int expectedRows) {
		this.buffer = new StringBuilder(Math.max(1024, expectedRows * 160));
	}

	public CopyRows text(String value) {
		separator();
		if (value != null) {
			this.buffer.append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '"') {
					this.buffer.append('"');
				}
				this.buffer.append(c);
			}
			this.buffer.append('"');
		}
		return this;
	}

	public CopyRows number(long value) {
		separator();
		this.buffer.append(value);
		return this;
	}

	public CopyRows number(Number value) {
		separator();
		if (value instanceof BigDecimal decimal) {
			this.buffer.append(decimal.toPlainString());
		}
		else if (value instanceof Double d) {
			if (!d.isNaN()) {
				this.buffer.append(d.doubleValue());
			}
		}
		else if (value != null) {
			this.buffer.append(value);
		}
		return this;
	}

	/** A value written as it is: for numbers and other text that needs no quoting. */
	public CopyRows raw(String value) {
		separator();
		if (value != null) {
			this.buffer.append(value);
		}
		return this;
	}

	public CopyRows bool(Boolean value) {
		separator();
		if (value != null) {
			this.buffer.append(value ? 't' : 'f');
		}
		return this;
	}

	public CopyRows date(LocalDate value) {
		separator();
		if (value != null) {
			this.buffer.append(value);
		}
		return this;
	}

	public CopyRows dateTime(LocalDateTime value) {
		separator();
		if (value != null) {
			this.buffer.append(value);
		}
		return this;
	}

	public CopyRows endRow() {
		this.buffer.append('\n');
		this.firstInRow = true;
		this.rows++;
		return this;
	}

	public int rows() {
		return this.rows;
	}

	/**
	 * Sends the rows.
	 * @param connection a connection from the pool (unwrapped to PostgreSQL's)
	 * @param table the table, optionally with a column list, e.g. {@code stage (a, b)}
	 * @return the number of rows copied
	 */
	public long copyInto(Connection connection, String table) throws SQLException {
		try {
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(this.buffer.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void separator() {
		if (!this.firstInRow) {
			this.buffer.append(',');
		}
		this.firstInRow = false;
	}

}
