package io.churnguard.app.ingest.internal;

import java.io.Writer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.churnguard.app.customer.AttributeType;
import io.churnguard.app.customer.CustomerDirectory;
import io.churnguard.app.customer.CustomerField;
import io.churnguard.app.customer.CustomerFields;
import io.churnguard.app.customer.CustomerLoader;
import io.churnguard.app.customer.CustomerRecord;
import io.churnguard.app.event.EventFields;
import io.churnguard.app.event.EventLoader;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.Parsed;
import io.churnguard.ml.event.Event;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The import loop: read, map, validate, and load in batches. Each batch commits on its
 * own, so an import killed half-way keeps what it loaded, and running it again loads the
 * rest and counts the loaded part as duplicates.
 */
@Component
class ImportRunner {

	static final int BATCH = 20_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CustomerDirectory directory;

	private final CustomerLoader customers;

	private final EventLoader events;

	private final ImportRuns runs;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	ImportRunner(CustomerDirectory directory, CustomerLoader customers, EventLoader events, ImportRuns runs,
			JdbcTemplate jdbc, Clock clock, @Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.directory = directory;
		this.customers = customers;
		this.events = events;
		this.runs = runs;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Runs the import recorded as {@code runId}; its outcome and notes are recorded on
	 * the run.
	 * @param rejectFile where to also write rejects as CSV, or null
	 */
	void run(long runId, ImportRequest request, Writer rejectFile) {
		long started = System.nanoTime();
		ImportRuns.Counts counts = new ImportRuns.Counts();
		List<String> notes = new ArrayList<>();
		try (RecordSource source = RecordSources.open(request.file(), request.fileName(), request.charset());
				Rejects rejects = new Rejects(this.jdbc, runId, rejectFile);
				Pipeline pipeline = new Pipeline()) {
			this.runs.describeSource(runId, source.format(), source.charset());
			Map<String, AttributeType> declared = this.directory.declaredAttributes();
			ImportMapping mapping = (request.mappingYaml() != null)
					? ImportMapping.parse(request.mappingYaml(), request.kind())
					: ImportMapping.byColumnNames(request.kind(), source.columns(), declared);
			mapping.requireColumns(request.kind(), source.columns());
			notes.addAll(mapping.notes());
			if (request.kind() == ImportKind.CUSTOMERS && request.mappingYaml() != null) {
				mapping.attributes().forEach((name, spec) -> this.directory.declareAttribute(name, spec.type()));
				declared = this.directory.declaredAttributes();
			}
			Batch batch = (request.kind() == ImportKind.CUSTOMERS)
					? new CustomerBatch(mapping, declared, runId, counts, rejects, pipeline)
					: new EventBatch(mapping, runId, counts, rejects, pipeline);
			while (source.hasNext()) {
				SourceRecord record = source.next();
				counts.rowsRead++;
				String parseError = record.get(JsonLinesRecordSource.PARSE_ERROR);
				if (parseError != null) {
					rejects.reject(record.line(), List.of(new FieldError("(line)", null, parseError)));
					continue;
				}
				MappedRow row = mapping.apply(record);
				if (!row.errors().isEmpty()) {
					rejects.reject(row.line(), row.errors());
					continue;
				}
				batch.add(row);
				if (batch.size() >= BATCH) {
					batch.flush();
					counts.rejected = rejects.rows();
					rejects.flush();
					this.runs.progress(runId, counts, elapsed(started));
				}
			}
			batch.flush();
			pipeline.await();
			counts.rejected = rejects.rows();
			rejects.flush();
			this.runs.finish(runId, counts, elapsed(started), "completed", null, notes);
		}
		catch (RuntimeException ex) {
			this.runs.finish(runId, counts, elapsed(started), "failed", ex.getMessage(), notes);
			throw ex;
		}
	}

	/**
	 * Loads batches on a second thread while the next batch is parsed, so parsing and the
	 * database work side by side. At most one batch is loading at a time; its outcome
	 * (counts, rejects) is applied on the importing thread before the next batch starts
	 * loading.
	 */
	private static final class Pipeline implements AutoCloseable {

		private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
			Thread loader = new Thread(task, "import-loader");
			loader.setDaemon(true);
			return loader;
		});

		private Future<Runnable> pending;

		/** Waits for the batch being loaded and applies its outcome. */
		void await() {
			if (this.pending == null) {
				return;
			}
			try {
				this.pending.get().run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("the import was interrupted", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
			finally {
				this.pending = null;
			}
		}

		/** Starts loading a batch; {@code load} returns what to apply once it is done. */
		void submit(Callable<Runnable> load) {
			await();
			this.pending = this.thread.submit(load);
		}

		@Override
		public void close() {
			this.thread.shutdownNow();
		}

	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private interface Batch {

		void add(MappedRow row);

		int size();

		void flush();

	}

	private final class CustomerBatch implements Batch {

		private final Map<String, AttributeType> declared;

		private final Set<CustomerField> present = EnumSet.noneOf(CustomerField.class);

		private final long runId;

		private final ImportRuns.Counts counts;

		private final Rejects rejects;

		private final Pipeline pipeline;

		private List<CustomerRecord> records = new ArrayList<>(BATCH);

		CustomerBatch(ImportMapping mapping, Map<String, AttributeType> declared, long runId, ImportRuns.Counts counts,
				Rejects rejects, Pipeline pipeline) {
			this.pipeline = pipeline;
			this.declared = declared;
			mapping.mappedFields().forEach(code -> CustomerField.fromCode(code).ifPresent(this.present::add));
			this.runId = runId;
			this.counts = counts;
			this.rejects = rejects;
		}

		@Override
		public void add(MappedRow row) {
			Parsed<CustomerRecord> parsed = CustomerFields.parse(row.fields(), row.attributes(), this.declared);
			if (parsed.isOk()) {
				this.records.add(parsed.value());
			}
			else {
				this.rejects.reject(row.line(), parsed.errors());
			}
		}

		@Override
		public int size() {
			return this.records.size();
		}

		@Override
		public void flush() {
			CustomerLoader.LoadResult result = ImportRunner.this.customers.upsert(this.records, this.present,
					this.runId);
			this.counts.accepted += result.inserted();
			this.counts.updated += result.updated();
			this.counts.duplicates += result.unchanged();
			this.records.clear();
		}

	}

	private final class EventBatch implements Batch {

		private final ImportMapping mapping;

		private final long runId;

		private final ImportRuns.Counts counts;

		private final Rejects rejects;

		private final Pipeline pipeline;

		private List<Event> events = new ArrayList<>(BATCH);

		private List<Long> lines = new ArrayList<>(BATCH);

		private final LocalDateTime latest;

		EventBatch(ImportMapping mapping, long runId, ImportRuns.Counts counts, Rejects rejects, Pipeline pipeline) {
			this.pipeline = pipeline;
			this.mapping = mapping;
			this.runId = runId;
			this.counts = counts;
			this.rejects = rejects;
			// A day's grace for clocks of source systems that run ahead.
			this.latest = LocalDateTime.now(ImportRunner.this.clock.withZone(ImportRunner.this.zone)).plusDays(1);
		}

		@Override
		public void add(MappedRow row) {
			Map<String, String> fields = row.fields();
			if (!this.mapping.attributes().isEmpty()) {
				fields = withAttributes(row);
			}
			Parsed<Event> parsed = EventFields.parse(fields, ImportRunner.this.zone, this.latest);
			if (parsed.isOk()) {
				this.events.add(parsed.value());
				this.lines.add(row.line());
			}
			else {
				this.rejects.reject(row.line(), parsed.errors());
			}
		}

		/** Adds the mapped attribute columns to the event's attributes object. */
		private Map<String, String> withAttributes(MappedRow row) {
			Map<String, String> fields = new LinkedHashMap<>(row.fields());
			ObjectNode attributes;
			try {
				String existing = fields.get("attributes");
				attributes = (existing != null && !existing.isBlank()) ? (ObjectNode) JSON.readTree(existing)
						: JSON.createObjectNode();
			}
			catch (JacksonException | ClassCastException ex) {
				return fields;
			}
			row.attributes().forEach((name, value) -> {
				if (value != null && !value.isBlank()) {
					attributes.put(name, value.strip());
				}
			});
			fields.put("attributes", attributes.isEmpty() ? null : JSON.writeValueAsString(attributes));
			return fields;
		}

		@Override
		public int size() {
			return this.events.size();
		}

		@Override
		public void flush() {
			List<Event> batch = this.events;
			List<Long> batchLines = this.lines;
			this.events = new ArrayList<>(BATCH);
			this.lines = new ArrayList<>(BATCH);
			this.pipeline.submit(() -> {
				EventLoader.LoadResult result = ImportRunner.this.events.load(batch, this.runId);
				return () -> {
					this.counts.accepted += result.inserted();
					this.counts.duplicates += result.duplicates();
					this.counts.unknownCustomers += result.unknownCustomer().size();
					for (int index : result.unknownCustomer()) {
						this.rejects.reject(batchLines.get(index),
								List.of(new FieldError("customer_id", batch.get(index).customerId(),
										"unknown customer: not in the archive (import the customers first)")));
					}
				};
			});
		}

	}

}
