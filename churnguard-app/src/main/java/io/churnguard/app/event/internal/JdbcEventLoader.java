package io.churnguard.app.event.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.churnguard.app.customer.CustomerDirectory;
import io.churnguard.app.event.EventLoader;
import io.churnguard.app.event.EventsImported;
import io.churnguard.app.feature.SettledFeatures;
import io.churnguard.app.platform.jdbc.CopyRows;
import io.churnguard.ml.event.Event;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events of known customers go through a staging table into the log with
 * {@code on conflict do nothing}, so a batch that was loaded before (a re-import, a retry
 * after a crash) adds nothing and says how many it skipped.
 */
@Component
class JdbcEventLoader implements EventLoader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "event_id, customer_id, event_time, event_type, subtype, amount, quantity, "
			+ "attributes, import_id";

	private static final String UNIQUE_VIOLATION = "23505";

	private final JdbcTemplate jdbc;

	private final CustomerDirectory customers;

	private final EventPartitions partitions;

	private final SettledFeatures settledFeatures;

	private final ApplicationEventPublisher publisher;

	JdbcEventLoader(JdbcTemplate jdbc, CustomerDirectory customers, EventPartitions partitions,
			SettledFeatures settledFeatures, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.settledFeatures = settledFeatures;
		this.jdbc = jdbc;
		this.customers = customers;
		this.partitions = partitions;
	}

	@Override
	@Transactional
	public LoadResult load(List<Event> events, Long importId) {
		if (events.isEmpty()) {
			return new LoadResult(0, 0, List.of());
		}
		Set<String> ids = new HashSet<>();
		Set<YearMonth> months = new HashSet<>();
		for (Event event : events) {
			ids.add(event.customerId());
			months.add(YearMonth.from(event.time()));
		}
		Set<String> known = this.customers.existing(ids);
		List<Integer> unknown = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			if (!known.contains(events.get(i).customerId())) {
				unknown.add(i);
			}
		}
		int rowCount = events.size() - unknown.size();
		if (rowCount == 0) {
			return new LoadResult(0, 0, unknown);
		}
		String importColumn = (importId != null) ? importId.toString() : null;
		Consumer<CopyRows> writer = (rows) -> {
			for (Event event : events) {
				if (!known.contains(event.customerId())) {
					continue;
				}
				rows.text(event.eventId())
					.text(event.customerId())
					.dateTime(event.time())
					.text(event.type().code())
					.text(event.subtype())
					.number(event.hasAmount() ? event.amount() : null)
					.number(event.hasQuantity() ? event.quantity() : null)
					.text(event.attributes().isEmpty() ? null : JSON.writeValueAsString(event.attributes()))
					.raw(importColumn)
					.endRow();
			}
		};
		this.partitions.ensure(months);
		Map<String, LocalDate> earliest = new HashMap<>();
		for (Event event : events) {
			if (known.contains(event.customerId())) {
				earliest.merge(event.customerId(), event.time().toLocalDate(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		this.settledFeatures.loading(earliest);
		int inserted = copyNew(writer);
		if (inserted < 0) {
			inserted = copyDeduplicated(writer);
		}
		markChurned(events, known);
		if (importId != null && inserted > 0) {
			this.publisher.publishEvent(new EventsImported(importId, List.copyOf(earliest.keySet())));
		}
		return new LoadResult(inserted, rowCount - inserted, unknown);
	}

	/**
	 * A churn event ends the customer's active status in the archive, as of the event's
	 * day.
	 */
	private void markChurned(List<Event> events, Set<String> known) {
		java.util.Map<String, CustomerDirectory.Churn> churns = new java.util.HashMap<>();
		for (Event event : events) {
			if (event.type() == io.churnguard.ml.event.EventType.CHURN && known.contains(event.customerId())) {
				churns.merge(event.customerId(),
						new CustomerDirectory.Churn(event.time().toLocalDate(),
								event.subtype().isEmpty() ? null : event.subtype()),
						(a, b) -> a.date().isBefore(b.date()) ? a : b);
			}
		}
		if (!churns.isEmpty()) {
			this.customers.markChurned(churns);
		}
	}

	/**
	 * The fast path: COPY straight into the log, which is all a first import needs. A
	 * batch that holds an event already on record (a re-import, a retry after a crash)
	 * fails on the primary key at once; it is rolled back to the savepoint and taken the
	 * slow way.
	 * @return the rows copied, or -1 when the batch holds known events
	 */
	private int copyNew(Consumer<CopyRows> writer) {
		Connection connection = DataSourceUtils.getConnection(this.jdbc.getDataSource());
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				long copied = CopyRows.stream(connection, "event (" + COLUMNS + ")", writer);
				connection.releaseSavepoint(savepoint);
				return (int) copied;
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(savepoint);
				return -1;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not load events: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.jdbc.getDataSource());
		}
	}

	/** The slow path: stage the batch, then insert what is not on record yet. */
	private int copyDeduplicated(Consumer<CopyRows> writer) {
		this.jdbc.execute(
				"""
						create temp table if not exists event_stage (
						  event_id varchar(64), customer_id varchar(64), event_time timestamp, event_type varchar(16),
						  subtype varchar(32), amount numeric(14,2), quantity double precision, attributes jsonb, import_id bigint
						) on commit delete rows""");
		Connection connection = DataSourceUtils.getConnection(this.jdbc.getDataSource());
		try {
			CopyRows.stream(connection, "event_stage (" + COLUMNS + ")", writer);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage events: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.jdbc.getDataSource());
		}
		int inserted = this.jdbc.update(
				"insert into event (" + COLUMNS + ") select " + COLUMNS + " from event_stage on conflict do nothing");
		return inserted;
	}

}
