package io.churnguard.app.warning.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.security.Actor;
import io.churnguard.app.warning.RetentionTreatments;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How accurate and how timely the warnings of a period were (预警效果评估): per level, how many
 * warned customers actually left within the horizon (precision); of the customers who
 * left in the period, how many had been warned beforehand (recall) and how long before
 * (lead time); the false alarms; and the load per owner.
 * <p>
 * Everything is within the caller's scope: the warnings they may see
 * ({@link WarningScope}, as in the queue) and, for the churners, the customers they may
 * see ({@link CustomerScope}, as in the archive) — a manager evaluates their region or
 * team, not the company.
 */
@Component
class WarningEvaluation {

	private final JdbcTemplate jdbc;

	private final ObjectProvider<RetentionTreatments> treatments;

	private final Clock clock;

	WarningEvaluation(JdbcTemplate jdbc, ObjectProvider<RetentionTreatments> treatments, Clock clock) {
		this.jdbc = jdbc;
		this.treatments = treatments;
		this.clock = clock;
	}

	Report evaluate(LocalDate from, LocalDate to, int horizonDays, Actor actor) {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to");
		}
		Date start = Date.valueOf(from);
		Date end = Date.valueOf(to);
		WarningScope warnings = WarningScope.of(actor, "w");
		CustomerScope customersInScope = CustomerScope.of(actor, "c");
		List<String> customers = new ArrayList<>();
		List<Object[]> warnedRows = new ArrayList<>();
		this.jdbc.query(scoped("""
				with warned as (
				  select w.customer_id, min(w.level) as level, min(w.raised_at) as first_raised
				  from warning w where w.raised_at >= ? and w.raised_at < ? and ({warnings})
				  group by w.customer_id)
				select warned.customer_id, warned.level, warned.first_raised,
				       (c.churn_date is not null and c.churn_date >= warned.first_raised::date
				        and c.churn_date < warned.first_raised::date + ?) as churned
				from warned join customer c using (customer_id)""", warnings, customersInScope), rs -> {
			customers.add(rs.getString(1));
			warnedRows
				.add(new Object[] { rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4) });
		}, parameters(List.of(start, end), warnings.parameters(), List.of(horizonDays)));
		// Customers a campaign treated after their warning are counted apart: one who
		// stayed may
		// have been saved rather than falsely warned, so precision is also given without
		// them.
		Map<String, Instant> treatedAt = this.treatments.getIfAvailable(() -> (ids, since) -> Map.of())
			.firstTreatedSince(customers, from.atStartOfDay(java.time.ZoneOffset.UTC).minusDays(1).toInstant());
		Map<Integer, long[]> byLevel = new java.util.TreeMap<>();
		for (Object[] row : warnedRows) {
			Instant raised = (Instant) row[2];
			Instant treated = treatedAt.get((String) row[0]);
			boolean wasTreated = treated != null && !treated.isBefore(raised)
					&& treated.isBefore(raised.plus(java.time.Duration.ofDays(horizonDays)));
			boolean churned = (Boolean) row[3];
			long[] counts = byLevel.computeIfAbsent((Integer) row[1], l -> new long[4]);
			counts[0]++;
			counts[1] += churned ? 1 : 0;
			counts[2] += wasTreated ? 1 : 0;
			counts[3] += (wasTreated && churned) ? 1 : 0;
		}
		List<LevelRow> levels = new ArrayList<>();
		byLevel.forEach((level, c) -> levels.add(new LevelRow(level, c[0], c[1], (c[0] > 0) ? (double) c[1] / c[0] : 0,
				c[2], c[3], (c[0] - c[2] > 0) ? (double) (c[1] - c[3]) / (c[0] - c[2]) : 0)));

		Map<String, Object> churn = this.jdbc.queryForMap(scoped("""
				with churners as (
				  select customer_id, churn_date from customer c where churn_date >= ? and churn_date < ?
				    and ({customers})),
				first_warning as (
				  select ch.customer_id, ch.churn_date, min(w.raised_at) as first_raised, min(w.level) as level
				  from churners ch join warning w on w.customer_id = ch.customer_id
				   and w.raised_at::date <= ch.churn_date and w.raised_at::date > ch.churn_date - ?
				   and ({warnings})
				  group by ch.customer_id, ch.churn_date)
				select (select count(*) from churners) as churners,
				       (select count(*) from first_warning) as warned_churners,
				       (select percentile_cont(0.5) within group (order by churn_date - first_raised::date)
				        from first_warning) as median_lead_days""", warnings, customersInScope), parameters(
				List.of(start, end), customersInScope.parameters(), List.of(horizonDays), warnings.parameters()));
		long churners = ((Number) churn.get("churners")).longValue();
		long warnedChurners = ((Number) churn.get("warned_churners")).longValue();
		Number lead = (Number) churn.get("median_lead_days");

		Map<Integer, Long> recallByLevel = new LinkedHashMap<>();
		this.jdbc.query(scoped("""
				select min(w.level) as level, count(distinct c.customer_id) as churners
				from customer c join warning w on w.customer_id = c.customer_id
				  and w.raised_at::date <= c.churn_date and w.raised_at::date > c.churn_date - ?
				  and ({warnings})
				where c.churn_date >= ? and c.churn_date < ? and ({customers})
				group by c.customer_id""", warnings, customersInScope), rs -> {
			recallByLevel.merge(rs.getInt("level"), 1L, Long::sum);
		}, parameters(List.of(horizonDays), warnings.parameters(), List.of(start, end), customersInScope.parameters()));

		long warned = levels.stream().mapToLong(LevelRow::warned).sum();
		long warnedAndChurned = levels.stream().mapToLong(LevelRow::churned).sum();
		long treatedWarned = levels.stream().mapToLong(LevelRow::treated).sum();
		long treatedChurned = levels.stream().mapToLong(LevelRow::treatedChurned).sum();
		Map<String, Object> closed = this.jdbc.queryForMap(scoped("""
				select count(*) as closed, count(*) filter (where outcome = 'false_alarm') as false_alarms,
				       count(*) filter (where outcome = 'retained') as retained,
				       count(*) filter (where outcome = 'lost') as lost
				from warning w where closed_at >= ? and closed_at < ? and ({warnings})""", warnings, customersInScope),
				parameters(List.of(start, end), warnings.parameters()));
		List<OwnerLoad> load = this.jdbc.query(scoped("""
				select coalesce(owner, '-') as owner, count(*) filter (where status <> 'closed') as open,
				       count(*) filter (where closed_at >= ? and closed_at < ?) as closed,
				       count(*) filter (where status <> 'closed' and due_at < ?) as overdue
				from warning w where ({warnings}) group by 1 order by open desc, owner""", warnings, customersInScope),
				(rs, n) -> new OwnerLoad(rs.getString("owner"), rs.getLong("open"), rs.getLong("closed"),
						rs.getLong("overdue")),
				parameters(List.of(start, end, Timestamp.from(this.clock.instant())), warnings.parameters()));
		return new Report(from, to, horizonDays, levels, warned, (warned > 0) ? (double) warnedAndChurned / warned : 0,
				churners, warnedChurners, (churners > 0) ? (double) warnedChurners / churners : 0,
				(churners > 0) ? 1 - (double) warnedChurners / churners : 0, (lead != null) ? lead.doubleValue() : null,
				(warned > 0) ? 1 - (double) warnedAndChurned / warned : 0, ((Number) closed.get("closed")).longValue(),
				((Number) closed.get("false_alarms")).longValue(), ((Number) closed.get("retained")).longValue(),
				((Number) closed.get("lost")).longValue(), recallByLevel, load, treatedWarned,
				(warned - treatedWarned > 0) ? (double) (warnedAndChurned - treatedChurned) / (warned - treatedWarned)
						: 0);
	}

	/**
	 * A query with the caller's scopes in place of {@code {warnings}} (over the warning
	 * table as {@code w}) and {@code {customers}} (over the customer table as {@code c}).
	 */
	private static String scoped(String sql, WarningScope warnings, CustomerScope customers) {
		return sql.replace("{warnings}", warnings.condition()).replace("{customers}", customers.condition());
	}

	/** The parameters of the parts of a query, in the order the parts appear. */
	@SafeVarargs
	private static Object[] parameters(List<? extends Object>... parts) {
		List<Object> all = new ArrayList<>();
		for (List<? extends Object> part : parts) {
			all.addAll(part);
		}
		return all.toArray();
	}

	/**
	 * @param level 1–4
	 * @param warned customers whose most severe warning in the period had this level
	 * @param churned of them, those who left within the horizon of their first warning
	 * @param precision churned / warned
	 * @param treated of the warned, those a retention campaign treated within the horizon
	 * after the warning
	 * @param treatedChurned of them, those who left anyway
	 * @param untreatedPrecision precision among the warned nobody treated: the warning's
	 * own accuracy, not blurred by customers a campaign saved
	 */
	record LevelRow(int level, long warned, long churned, double precision, long treated, long treatedChurned,
			double untreatedPrecision) {
	}

	/**
	 * @param owner a user name, or {@code -} for the team queue
	 * @param open open warnings now
	 * @param closed warnings closed in the period
	 * @param overdue open warnings past their due date
	 */
	record OwnerLoad(String owner, long open, long closed, long overdue) {
	}

	/**
	 * @param from the period's first day
	 * @param to the day after its last
	 * @param horizonDays how long after a warning churn counts
	 * @param levels precision per level
	 * @param warned customers warned in the period
	 * @param precision warned customers who left within the horizon, of all warned
	 * @param churners customers who left in the period
	 * @param warnedChurners of them, those warned within the horizon before leaving
	 * @param recall warnedChurners / churners
	 * @param neverWarnedShare churners never warned beforehand
	 * @param medianLeadDays median days from the first warning to churn
	 * @param falseAlarmRate warned customers who did not leave within the horizon
	 * @param closed warnings closed in the period
	 * @param closedFalseAlarms of them, closed as false alarms
	 * @param closedRetained of them, closed as retained
	 * @param closedLost of them, closed as lost
	 * @param warnedChurnersByLevel warned churners by the most severe level they had
	 * @param load warnings per owner
	 * @param treatedWarned warned customers a retention campaign treated within the
	 * horizon
	 * @param untreatedPrecision precision among the warned customers nobody treated
	 */
	record Report(LocalDate from, LocalDate to, int horizonDays, List<LevelRow> levels, long warned, double precision,
			long churners, long warnedChurners, double recall, double neverWarnedShare, Double medianLeadDays,
			double falseAlarmRate, long closed, long closedFalseAlarms, long closedRetained, long closedLost,
			Map<Integer, Long> warnedChurnersByLevel, List<OwnerLoad> load, long treatedWarned,
			double untreatedPrecision) {
	}

}
