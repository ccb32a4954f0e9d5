package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.platform.values.FieldError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rejects of one import: kept in the database (for the console and API download) and,
 * for CLI runs, also written to a CSV file as they occur. Each bad field is one line, so
 * a row with two bad fields appears twice with the same line number.
 */
final class Rejects implements AutoCloseable {

	static final String[] HEADER = { "line", "column", "value", "reason" };

	private final JdbcTemplate jdbc;

	private final long importId;

	private final CSVPrinter file;

	private final List<Object[]> pending = new ArrayList<>();

	private long rows;

	Rejects(JdbcTemplate jdbc, long importId, Writer file) {
		this.jdbc = jdbc;
		this.importId = importId;
		try {
			this.file = (file != null) ? CSVFormat.EXCEL.builder().setHeader(HEADER).get().print(file) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Records a bad row with all its field errors. */
	void reject(long line, List<FieldError> errors) {
		this.rows++;
		for (FieldError error : errors) {
			String value = (error.value() != null && error.value().length() > 500)
					? error.value().substring(0, 500) + "…" : error.value();
			this.pending.add(new Object[] { this.importId, line, error.field(), value, error.reason() });
			if (this.file != null) {
				try {
					this.file.printRecord(line, error.field(), value, error.reason());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	long rows() {
		return this.rows;
	}

	void flush() {
		if (!this.pending.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into import_reject (import_id, line, column_name, value, reason) values (?, ?, ?, ?, ?)",
					this.pending);
			this.pending.clear();
		}
		if (this.file != null) {
			try {
				this.file.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void close() {
		flush();
		if (this.file != null) {
			try {
				this.file.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
