package io.churnguard.app.feature.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.EventSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams events in the order the feature engine needs. The whole log (batch runs: the
 * daily job, training, {@code churnguard features}) comes as one binary COPY
 * ({@link BinaryEventCopy}); for it PostgreSQL sorts in parallel rather than walk the
 * (customer_id, event_time) index. The events of given customers (real time, the customer
 * 360) come through a server-side cursor over that index (autocommit off and a fetch size
 * make the driver fetch in chunks), which has the customer list as a bound parameter.
 */
@Component
class JdbcArchiveEvents implements ArchiveEvents {

	private static final int FETCH_SIZE = 20_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	JdbcArchiveEvents(DataSource dataSource, JdbcTemplate jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public EventSource events(Collection<String> customerIds, LocalDate from, LocalDate before) {
		if (customerIds == null) {
			return copyAll(from, before);
		}
		return sink -> identifiedEvents(customerIds, from, before, (eventId, customerId, time, type, subtype, amount,
				quantity) -> sink.accept(customerId, time, type, subtype, amount, quantity));
	}

	@Override
	public void identifiedEvents(Collection<String> customerIds, LocalDate from, LocalDate before, IdentifiedSink sink)
			throws java.io.IOException {
		String sql = "select event_id, customer_id, event_time, event_type, subtype, amount, quantity from event "
				+ "where event_time < ? and customer_id = any (?)" + ((from != null) ? " and event_time >= ?" : "")
				+ " order by customer_id, event_time";
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(FETCH_SIZE);
				statement.setTimestamp(1, Timestamp.valueOf(before.atStartOfDay()));
				statement.setArray(2, connection.createArrayOf("varchar", customerIds.toArray()));
				if (from != null) {
					statement.setTimestamp(3, Timestamp.valueOf(from.atStartOfDay()));
				}
				try (ResultSet rs = statement.executeQuery()) {
					Map<String, EventType> types = new HashMap<>();
					while (rs.next()) {
						String type = rs.getString(4);
						double amount = rs.getDouble(6);
						if (rs.wasNull()) {
							amount = Double.NaN;
						}
						double quantity = rs.getDouble(7);
						if (rs.wasNull()) {
							quantity = Double.NaN;
						}
						// As LocalDateTime directly: the Timestamp route converts
						// through a Calendar, a measurable share of real-time rescoring.
						sink.accept(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
								types.computeIfAbsent(type, EventType::fromCode), rs.getString(5), amount, quantity);
					}
				}
			}
			finally {
				connection.commit();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new java.io.IOException("cannot read the event log: " + ex.getMessage(), ex);
		}
	}

	private EventSource copyAll(LocalDate from, LocalDate before) {
		return sink -> {
			try (Connection connection = this.dataSource.getConnection();
					InputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class),
							BinaryEventCopy.statement(from, before))) {
				BinaryEventCopy.read(in, sink);
			}
			catch (SQLException ex) {
				throw new java.io.IOException("cannot read the event log: " + ex.getMessage(), ex);
			}
		};
	}

	@Override
	public Map<String, CustomerAttributes> attributes(Collection<String> customerIds) {
		Map<String, CustomerAttributes> attributes = new HashMap<>();
		String sql = "select customer_id, join_date, contract_end_date, plan, monthly_fee, group_account, status, "
				+ "churn_date, churn_reason, value_grade, channel, province from customer"
				+ ((customerIds != null) ? " where customer_id = any (?)" : "");
		this.jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setFetchSize(FETCH_SIZE);
			if (customerIds != null) {
				statement.setArray(1, connection.createArrayOf("varchar", customerIds.toArray()));
			}
			return statement;
		}, rs -> {
			attributes.put(rs.getString(1), map(rs));
		});
		return attributes;
	}

	private static CustomerAttributes map(ResultSet rs) throws SQLException {
		double fee = rs.getDouble(5);
		if (rs.wasNull()) {
			fee = Double.NaN;
		}
		Map<String, String> extras = new HashMap<>();
		putIfPresent(extras, "grade", rs.getString(10));
		putIfPresent(extras, "channel", rs.getString(11));
		putIfPresent(extras, "province", rs.getString(12));
		return new CustomerAttributes(rs.getString(1), rs.getObject(2, LocalDate.class),
				rs.getObject(3, LocalDate.class), rs.getString(4), fee, rs.getBoolean(6),
				"churned".equals(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getString(9), extras);
	}

	private static void putIfPresent(Map<String, String> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
