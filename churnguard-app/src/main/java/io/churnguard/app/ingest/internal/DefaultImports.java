package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.churnguard.app.ingest.ImportCapacityException;
import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.ImportSummary;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs imports in the caller's thread (CLI) or in the background (console, API) — at most
 * a few at a time: beyond that a caller is told to retry rather than queued without
 * bound.
 */
@Service
class DefaultImports implements Imports, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DefaultImports.class);

	private final ImportRunner runner;

	private final ImportRuns runs;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Semaphore slots;

	private final ExecutorService background;

	DefaultImports(ImportRunner runner, ImportRuns runs, JdbcTemplate jdbc, AuditLog audit,
			@Value("${churnguard.imports.concurrent:2}") int concurrent) {
		this.runner = runner;
		this.runs = runs;
		this.jdbc = jdbc;
		this.audit = audit;
		this.slots = new Semaphore(concurrent);
		this.background = Executors.newFixedThreadPool(concurrent, task -> {
			Thread thread = new Thread(task, "import");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public ImportSummary run(ImportRequest request, Writer rejectFile) {
		long id = this.runs.start(request);
		execute(id, request, rejectFile);
		return find(id).orElseThrow();
	}

	@Override
	public long start(ImportRequest request) {
		if (!this.slots.tryAcquire()) {
			throw new ImportCapacityException("the server is already running the maximum number of imports");
		}
		long id;
		try {
			id = this.runs.start(request);
		}
		catch (RuntimeException ex) {
			this.slots.release();
			throw ex;
		}
		this.background.execute(() -> {
			try {
				execute(id, request, null);
			}
			catch (RuntimeException ex) {
				log.warn("Import {} failed: {}", id, ex.getMessage());
			}
			finally {
				this.slots.release();
				if (request.channel() != ImportChannel.CLI) {
					deleteQuietly(request);
				}
			}
		});
		return id;
	}

	private void execute(long id, ImportRequest request, Writer rejectFile) {
		this.audit.record(AuditRecord.success("IMPORT_STARTED", "import", Long.toString(id))
			.by(request.user(), null)
			.with("kind", request.kind().code())
			.with("file", request.fileName()));
		try {
			this.runner.run(id, request, rejectFile);
			ImportSummary summary = find(id).orElseThrow();
			this.audit.record(AuditRecord.success("IMPORT_COMPLETED", "import", Long.toString(id))
				.by(request.user(), null)
				.with("accepted", summary.accepted())
				.with("updated", summary.updated())
				.with("duplicates", summary.duplicates())
				.with("rejected", summary.rejected()));
		}
		catch (RuntimeException ex) {
			this.audit.record(AuditRecord.failure("IMPORT_FAILED", "import", Long.toString(id))
				.by(request.user(), null)
				.with("error", String.valueOf(ex.getMessage())));
			log.debug("Import {} failed", id, ex);
		}
	}

	@Override
	public Optional<ImportSummary> find(long importId) {
		return this.runs.find(importId);
	}

	@Override
	public List<ImportSummary> recent(int limit) {
		return this.runs.recent(limit);
	}

	@Override
	public void writeRejects(long importId, Writer out) throws IOException {
		CSVPrinter printer = CSVFormat.EXCEL.builder().setHeader(Rejects.HEADER).get().print(out);
		this.jdbc.query("select line, column_name, value, reason from import_reject where import_id = ? order by line",
				rs -> {
					try {
						printer.printRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}, importId);
		printer.flush();
	}

	private static void deleteQuietly(ImportRequest request) {
		try {
			Files.deleteIfExists(request.file());
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded file {}: {}", request.file(), ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.background.shutdownNow();
	}

}
