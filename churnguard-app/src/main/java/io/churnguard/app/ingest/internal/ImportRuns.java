package io.churnguard.app.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.ImportSummary;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The import_run table. A running import beats a heartbeat with every batch; one whose
 * heartbeat stopped (the process was killed) is marked interrupted, so the list never
 * shows a dead import as running.
 */
@Repository
class ImportRuns {

	static final Duration STALE_AFTER = Duration.ofMinutes(2);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ImportRuns(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long start(ImportRequest request) {
		markStale();
		Timestamp now = Timestamp.from(this.clock.instant());
		Long id = this.jdbc.queryForObject("""
				insert into import_run (kind, file_name, source, status, started_by, started_at, heartbeat_at, mapping)
				values (?, ?, ?, 'running', ?, ?, ?, ?) returning id""", Long.class, request.kind().code(),
				request.fileName(), request.channel().code(), request.user(), now, now, request.mappingYaml());
		return id;
	}

	void describeSource(long id, String format, String charset) {
		this.jdbc.update("update import_run set format = ?, charset = ? where id = ?", format, charset, id);
	}

	void progress(long id, Counts counts, long elapsedMs) {
		this.jdbc.update("""
				update import_run set rows_read = ?, accepted = ?, updated = ?, duplicates = ?, rejected = ?,
				  unknown_customers = ?, elapsed_ms = ?, heartbeat_at = ? where id = ?""", counts.rowsRead,
				counts.accepted, counts.updated, counts.duplicates, counts.rejected, counts.unknownCustomers, elapsedMs,
				Timestamp.from(this.clock.instant()), id);
	}

	void finish(long id, Counts counts, long elapsedMs, String status, String error, List<String> notes) {
		progress(id, counts, elapsedMs);
		this.jdbc.update("update import_run set status = ?, error = ?, notes = ?, finished_at = ? where id = ?", status,
				error, notes.isEmpty() ? null : String.join("\n", notes), Timestamp.from(this.clock.instant()), id);
	}

	Optional<ImportSummary> find(long id) {
		markStale();
		return this.jdbc.query("select * from import_run where id = ?", (rs, n) -> map(rs), id).stream().findFirst();
	}

	List<ImportSummary> recent(int limit) {
		markStale();
		return this.jdbc.query("select * from import_run order by id desc limit ?", (rs, n) -> map(rs), limit);
	}

	void markStale() {
		this.jdbc.update("""
				update import_run set status = 'interrupted', error = 'the importing process stopped before the end'
				where status = 'running' and heartbeat_at < ?""",
				Timestamp.from(this.clock.instant().minus(STALE_AFTER)));
	}

	private static ImportSummary map(ResultSet rs) throws SQLException {
		String notes = rs.getString("notes");
		long elapsed = rs.getLong("elapsed_ms");
		long rows = rs.getLong("rows_read");
		Instant started = rs.getTimestamp("started_at").toInstant();
		return new ImportSummary(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
				rs.getString("format"), rs.getString("charset"), rs.getString("status"), rs.getString("started_by"),
				started, rows, rs.getLong("accepted"), rs.getLong("updated"), rs.getLong("duplicates"),
				rs.getLong("rejected"), rs.getLong("unknown_customers"), elapsed,
				(elapsed > 0) ? rows * 1000 / elapsed : 0, (notes != null) ? List.of(notes.split("\n")) : List.of(),
				rs.getString("error"));
	}

	/** Running totals of an import. */
	static final class Counts {

		long rowsRead;

		long accepted;

		long updated;

		long duplicates;

		long rejected;

		long unknownCustomers;

	}

}
