package io.churnguard.app.event.internal;

import java.util.List;
import java.util.Map;

import io.churnguard.app.event.EventLog;
import io.churnguard.app.event.TimelineEvent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcEventLog implements EventLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	JdbcEventLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEvent> recent(String customerId, int limit) {
		return this.jdbc.query("""
				select event_id, event_time, event_type, subtype, amount, quantity, attributes::text as attributes
				from event where customer_id = ? order by event_time desc limit ?""", (rs, n) -> {
			String attributes = rs.getString("attributes");
			double value = rs.getDouble("quantity");
			Double quantity = rs.wasNull() ? null : value;
			return new TimelineEvent(rs.getString("event_id"), rs.getTimestamp("event_time").toLocalDateTime(),
					rs.getString("event_type"), rs.getString("subtype"), rs.getBigDecimal("amount"), quantity,
					(attributes != null) ? JSON.readValue(attributes, MAP) : Map.of());
		}, customerId, limit);
	}

	@Override
	public long count() {
		Long count = this.jdbc.queryForObject("select count(*) from event", Long.class);
		return (count != null) ? count : 0;
	}

}
