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
				Rejects rejects = new Rejects(this.jdbc, runId, rejectFile)) {
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
					? new CustomerBatch(mapping, declared, runId, counts, rejects)
					: new EventBatch(mapping, runId, counts, rejects);
			while (source.hasNext()) {
				SourceRecord record = source.next();
				counts.rowsRead++;
				String parseError = record.values().get(JsonLinesRecordSource.PARSE_ERROR);
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
			counts.rejected = rejects.rows();
			rejects.flush();
			this.runs.finish(runId, counts, elapsed(started), "completed", null, notes);
		}
		catch (RuntimeException ex) {
			this.runs.finish(runId, counts, elapsed(started), "failed", ex.getMessage(), notes);
			throw ex;
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

		private final List<CustomerRecord> records = new ArrayList<>(BATCH);

		CustomerBatch(ImportMapping mapping, Map<String, AttributeType> declared, long runId, ImportRuns.Counts counts,
				Rejects rejects) {
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

		private final List<Event> events = new ArrayList<>(BATCH);

		private final List<Long> lines = new ArrayList<>(BATCH);

		private final LocalDateTime latest;

		EventBatch(ImportMapping mapping, long runId, ImportRuns.Counts counts, Rejects rejects) {
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
			EventLoader.LoadResult result = ImportRunner.this.events.load(this.events, this.runId);
			this.counts.accepted += result.inserted();
			this.counts.duplicates += result.duplicates();
			this.counts.unknownCustomers += result.unknownCustomer().size();
			for (int index : result.unknownCustomer()) {
				Event event = this.events.get(index);
				this.rejects.reject(this.lines.get(index), List.of(new FieldError("customer_id", event.customerId(),
						"unknown customer: not in the archive (import the customers first)")));
			}
			this.events.clear();
			this.lines.clear();
		}

	}

}
