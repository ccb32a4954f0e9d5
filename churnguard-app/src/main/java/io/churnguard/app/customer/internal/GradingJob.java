package io.churnguard.app.customer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.churnguard.app.customer.ValueGrade;
import io.churnguard.app.platform.jdbc.CopyRows;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-grades every active customer: one set-based pass over the last year's bills and
 * orders computes each customer's ARPU and spend, the rules decide, and only changed
 * grades are written, each with a history row naming the rule. The run keeps an
 * up/down-grade report per province.
 */
@Component
class GradingJob {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The advisory lock key of grading runs ("grad"). */
	private static final long LOCK = 0x67726164L;

	private final JdbcTemplate jdbc;

	private final GradingRules rules;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	GradingJob(JdbcTemplate jdbc, AuditLog audit, Clock clock, @Value("${churnguard.grading.rules:}") String rulesFile,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.rules = rulesFile.isBlank() ? GradingRules.defaults()
				: GradingRules.load(java.nio.file.Path.of(rulesFile));
	}

	GradingRules rules() {
		return this.rules;
	}

	@Transactional
	GradingRun run(String user) {
		// A run on demand and the scheduled one must not grade the archive at the same
		// time: the second waits, then grades against the first one's result.
		this.jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
		}, LOCK);
		Instant started = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(started, this.zone);
		long runId = this.jdbc.queryForObject(
				"insert into grading_run (started_at, started_by, as_of, rules) values (?, ?, ?, ?) returning id",
				Long.class, Timestamp.from(started), user, today,
				YAMLMapper.builder().build().writeValueAsString(this.rules));
		// Changes are collected as COPY rows (a few dozen bytes each) and written with
		// two
		// set-based statements: the first run over a million customers changes all of
		// them.
		CopyRows changes = new CopyRows(1024);
		List<String> ruleNames = new ArrayList<>();
		Map<String, Integer> ruleIndex = new HashMap<>();
		Map<String, Report.Region> regions = new TreeMap<>();
		long[] customers = { 0 };
		Timestamp billsFrom = Timestamp.valueOf(today.minusMonths(3).withDayOfMonth(1).atStartOfDay());
		JdbcTemplate streaming = new JdbcTemplate(this.jdbc.getDataSource());
		streaming.setFetchSize(10_000);
		streaming.query("""
				select c.customer_id, c.value_grade, coalesce(c.province, '—') as province, c.monthly_fee,
				       c.group_account, c.join_date, m.billed_3m, m.bill_months_3m, m.spend_12m
				from customer c
				left join (
				  select customer_id,
				         sum(amount) filter (where event_type = 'bill' and event_time >= ?) as billed_3m,
				         count(distinct date_trunc('month', event_time))
				           filter (where event_type = 'bill' and event_time >= ?) as bill_months_3m,
				         sum(amount) as spend_12m
				  from event
				  where event_type in ('bill', 'order') and event_time >= ? and event_time < ?
				  group by customer_id) m using (customer_id)
				where c.status = 'active'""", rs -> {
			customers[0]++;
			double fee = rs.getDouble("monthly_fee");
			int billMonths = rs.getInt("bill_months_3m");
			double arpu = (billMonths > 0) ? rs.getDouble("billed_3m") / billMonths : fee;
			LocalDate joined = rs.getObject("join_date", LocalDate.class);
			int tenure = (int) Math.max(0, ChronoUnit.MONTHS.between(joined, today));
			GradingRules.Decision decision = this.rules.grade(
					new GradingRules.Metrics(arpu, rs.getDouble("spend_12m"), tenure, rs.getBoolean("group_account")));
			String previous = rs.getString("value_grade");
			Report.Region region = regions.computeIfAbsent(rs.getString("province"), p -> new Report.Region());
			region.count(decision.grade());
			if (!decision.grade().name().equals(previous)) {
				int rule = ruleIndex.computeIfAbsent(decision.rule(), name -> {
					ruleNames.add(name);
					return ruleNames.size();
				});
				changes.text(rs.getString("customer_id"))
					.raw(decision.grade().name())
					.raw(previous)
					.number(rule)
					.endRow();
				if (previous != null) {
					region.move(ValueGrade.valueOf(previous), decision.grade());
				}
			}
		}, billsFrom, billsFrom, Timestamp.valueOf(today.minusMonths(12).atStartOfDay()),
				Timestamp.valueOf(today.atStartOfDay()));
		write(changes, ruleNames, started, runId);
		Report report = new Report(regions);
		this.jdbc.update("""
				update grading_run set finished_at = ?, customers = ?, changed = ?, upgrades = ?, downgrades = ?,
				  report = ?::jsonb where id = ?""", Timestamp.from(this.clock.instant()), customers[0], changes.rows(),
				report.upgrades(), report.downgrades(), JSON.writeValueAsString(report), runId);
		this.audit.record(AuditRecord.success("GRADING_RUN", "grading_run", Long.toString(runId))
			.by(user, null)
			.with("customers", customers[0])
			.with("changed", changes.rows()));
		return new GradingRun(runId, started, user, today, customers[0], changes.rows(), report.upgrades(),
				report.downgrades(), report);
	}

	private void write(CopyRows changes, List<String> ruleNames, Instant started, long runId) {
		if (changes.rows() == 0) {
			return;
		}
		this.jdbc.execute("""
				create temp table if not exists grading_change (
				  customer_id varchar(64), grade char(1), previous_grade char(1), rule int
				) on commit drop""");
		Connection connection = DataSourceUtils.getConnection(this.jdbc.getDataSource());
		try {
			changes.copyInto(connection, "grading_change (customer_id, grade, previous_grade, rule)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the grade changes: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.jdbc.getDataSource());
		}
		this.jdbc.update("""
				update customer c set value_grade = g.grade, graded_at = ?
				from grading_change g where c.customer_id = g.customer_id""", Timestamp.from(started));
		this.jdbc.update(
				"""
						insert into customer_grade_history (customer_id, grade, previous_grade, graded_at, grading_run_id, reason)
						select customer_id, grade, previous_grade, ?, ?, (?::text[])[rule] from grading_change""",
				ps -> {
					ps.setTimestamp(1, Timestamp.from(started));
					ps.setLong(2, runId);
					ps.setArray(3, ps.getConnection().createArrayOf("text", ruleNames.toArray()));
				});
	}

	/**
	 * @param id the run
	 * @param startedAt when
	 * @param startedBy who (or {@code scheduler})
	 * @param asOf the grading date
	 * @param customers active customers graded
	 * @param changed customers whose grade changed (first grades included)
	 * @param upgrades changes to a better grade
	 * @param downgrades changes to a worse grade
	 * @param report the per-province report
	 */
	record GradingRun(long id, Instant startedAt, String startedBy, LocalDate asOf, long customers, long changed,
			long upgrades, long downgrades, Report report) {
	}

	/**
	 * The up/down-grade report: by province, grade counts and moves from one grade to
	 * another.
	 */
	record Report(Map<String, Region> regions) {

		long upgrades() {
			return this.regions.values().stream().mapToLong(Region::getUpgrades).sum();
		}

		long downgrades() {
			return this.regions.values().stream().mapToLong(Region::getDowngrades).sum();
		}

		/** One province's counts; mutable while the run collects them. */
		static final class Region {

			private final Map<ValueGrade, Long> grades = new EnumMap<>(ValueGrade.class);

			private final Map<String, Long> moves = new TreeMap<>();

			private long upgrades;

			private long downgrades;

			void count(ValueGrade grade) {
				this.grades.merge(grade, 1L, Long::sum);
			}

			void move(ValueGrade from, ValueGrade to) {
				this.moves.merge(from + "→" + to, 1L, Long::sum);
				// A comes first in the enum: a smaller ordinal is a better grade.
				if (to.ordinal() < from.ordinal()) {
					this.upgrades++;
				}
				else {
					this.downgrades++;
				}
			}

			public Map<ValueGrade, Long> getGrades() {
				return this.grades;
			}

			public Map<String, Long> getMoves() {
				return this.moves;
			}

			public long getUpgrades() {
				return this.upgrades;
			}

			public long getDowngrades() {
				return this.downgrades;
			}

		}

	}

}
