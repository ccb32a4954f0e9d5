package io.churnguard.app.event.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.customer.CustomerProfileSection;
import io.churnguard.app.event.EventLog;
import io.churnguard.app.event.TimelineEvent;
import io.churnguard.app.security.Actor;
import io.churnguard.app.web.PageJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event timeline of the customer 360: the latest events, counts by type over the last
 * 90 days, and monthly activity and billing over the last year. Each query reads one
 * customer's slice of the (customer_id, event_time) index, so it stays fast with a
 * hundred million events.
 */
@Component
class TimelineSection implements CustomerProfileSection {

	private final EventLog log;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	TimelineSection(EventLog log, JdbcTemplate jdbc, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.log = log;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public String key() {
		return "timeline";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String fragment() {
		return "event/timeline :: section";
	}

	@Override
	public Optional<Object> content(String customerId, Actor actor, Locale locale) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query("""
				select event_type, count(*) from event where customer_id = ? and event_time >= ?
				group by event_type order by count(*) desc""", rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		}, customerId, Timestamp.valueOf(today.minusDays(90).atStartOfDay()));
		YearMonth first = YearMonth.from(today).minusMonths(11);
		Map<YearMonth, long[]> events = new LinkedHashMap<>();
		Map<YearMonth, BigDecimal> billed = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			events.put(first.plusMonths(i), new long[1]);
			billed.put(first.plusMonths(i), BigDecimal.ZERO);
		}
		this.jdbc.query("""
				select date_trunc('month', event_time)::date, count(*),
				       coalesce(sum(amount) filter (where event_type = 'bill'), 0)
				from event where customer_id = ? and event_time >= ? group by 1""", rs -> {
			YearMonth month = YearMonth.from(rs.getObject(1, LocalDate.class));
			if (events.containsKey(month)) {
				events.get(month)[0] = rs.getLong(2);
				billed.put(month, rs.getBigDecimal(3));
			}
		}, customerId, Timestamp.valueOf(first.atDay(1).atStartOfDay()));
		List<String> months = new ArrayList<>();
		events.keySet().forEach(month -> months.add(month.toString()));
		String chart = PageJson.write(Map.of("months", months, "events",
				events.values().stream().map(v -> v[0]).toList(), "amount", new ArrayList<>(billed.values())));
		return Optional.of(new Timeline(this.log.recent(customerId, 50), counts, months,
				events.values().stream().map(v -> v[0]).toList(), new ArrayList<>(billed.values()), chart));
	}

	/**
	 * @param events the latest events, newest first
	 * @param counts90d events of the last 90 days by type
	 * @param months the last twelve months
	 * @param monthlyEvents events per month
	 * @param monthlyBilled billed amount per month
	 * @param chartJson the chart's data for the page
	 */
	record Timeline(List<TimelineEvent> events, Map<String, Long> counts90d, List<String> months,
			List<Long> monthlyEvents, List<BigDecimal> monthlyBilled,
			@com.fasterxml.jackson.annotation.JsonIgnore String chartJson) {
	}

}
