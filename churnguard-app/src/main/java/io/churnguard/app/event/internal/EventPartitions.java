package io.churnguard.app.event.internal;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of the event log as events for a new month arrive. There
 * is no default partition: an event always lands in its month, and months are never
 * scanned to be split later.
 */
@Component
class EventPartitions {

	private final JdbcTemplate jdbc;

	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	EventPartitions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void ensure(Collection<YearMonth> months) {
		for (YearMonth month : months) {
			if (this.known.contains(month)) {
				continue;
			}
			// "if not exists" makes concurrent loaders (a server and a CLI import) safe.
			this.jdbc.execute("create table if not exists " + name(month) + " partition of event for values from ('"
					+ month.atDay(1) + "') to ('" + month.plusMonths(1).atDay(1) + "')");
			this.known.add(month);
		}
	}

	static String name(YearMonth month) {
		return String.format("event_y%04dm%02d", month.getYear(), month.getMonthValue());
	}

}
