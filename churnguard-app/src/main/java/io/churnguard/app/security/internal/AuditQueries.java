package io.churnguard.app.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.security.AuditEntry;
import io.churnguard.app.security.AuditResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading the audit log for auditors: filtered, newest first, paged. */
@Repository
class AuditQueries {

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page search(AuditFilter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (filter.actor() != null) {
			where.append(" and actor = ?");
			params.add(filter.actor());
		}
		if (filter.action() != null) {
			where.append(" and action = ?");
			params.add(filter.action());
		}
		if (filter.objectType() != null) {
			where.append(" and object_type = ?");
			params.add(filter.objectType());
		}
		if (filter.objectId() != null) {
			where.append(" and object_id = ?");
			params.add(filter.objectId());
		}
		if (filter.result() != null) {
			where.append(" and result = ?");
			params.add(filter.result().name());
		}
		if (filter.from() != null) {
			where.append(" and at >= ?");
			params.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and at < ?");
			params.add(Timestamp.from(filter.to()));
		}
		long total = this.jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<AuditEntry> entries = this.jdbc
			.sql("select * from audit_log" + where + " order by id desc limit ? offset ?")
			.params(pageParams)
			.query(AuditQueries::map)
			.list();
		return new Page(entries, page, size, total);
	}

	/**
	 * Successful and failed logins per day over the last {@code days} days, oldest first.
	 */
	List<DailyLogins> loginActivity(int days, Instant now, ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate first = today.minusDays(days - 1L);
		List<DailyLogins> result = new ArrayList<>();
		var rows = this.jdbc
			.sql("""
					select (at at time zone ?)::date as day,
					       count(*) filter (where action = 'LOGIN_SUCCESS') as ok,
					       count(*) filter (where action in ('LOGIN_FAILURE', 'LOGIN_REJECTED_LOCKED', 'LOGIN_THROTTLED')) as failed
					from audit_log where at >= ? group by 1""")
			.params(zone.getId(), Timestamp.from(first.atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new DailyLogins(rs.getObject("day", LocalDate.class), rs.getLong("ok"),
					rs.getLong("failed")))
			.list();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			LocalDate current = day;
			result.add(rows.stream()
				.filter(row -> row.day().equals(current))
				.findFirst()
				.orElse(new DailyLogins(current, 0, 0)));
		}
		return result;
	}

	static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
				rs.getString("source_ip"), AuditResult.valueOf(rs.getString("result")), rs.getString("details"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	record AuditFilter(String actor, String action, String objectType, String objectId, AuditResult result,
			Instant from, Instant to) {

		AuditFilter {
			actor = blankToNull(actor);
			action = blankToNull(action);
			objectType = blankToNull(objectType);
			objectId = blankToNull(objectId);
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	record Page(List<AuditEntry> entries, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	record DailyLogins(LocalDate day, long succeeded, long failed) {
	}

}
