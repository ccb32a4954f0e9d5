package io.churnguard.app.event.internal;

import java.time.YearMonth;
import java.util.Collection;

import io.churnguard.app.platform.jdbc.MonthlyPartitions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of the event log as events for a new month arrive.
 * Events are never dropped, so no retention here.
 */
@Component
class EventPartitions {

	private final MonthlyPartitions partitions;

	EventPartitions(JdbcTemplate jdbc) {
		this.partitions = new MonthlyPartitions(jdbc, "event");
	}

	void ensure(Collection<YearMonth> months) {
		this.partitions.ensure(months);
	}

}
