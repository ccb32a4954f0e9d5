package io.churnguard.app.customer.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.customer.ValueGrading;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Value grading on demand and on schedule. The schedule checks daily and re-grades when
 * the last run is older than the interval (four weeks by default), so a server that was
 * down on the day catches up instead of skipping a cycle.
 */
@Service
class Grading implements ValueGrading {

	private static final Logger log = LoggerFactory.getLogger(Grading.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final GradingJob job;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration interval;

	Grading(GradingJob job, JdbcTemplate jdbc, Clock clock,
			@Value("${churnguard.grading.interval:28d}") Duration interval) {
		this.job = job;
		this.jdbc = jdbc;
		this.clock = clock;
		this.interval = interval;
	}

	GradingJob.GradingRun runNow(String user) {
		return this.job.run(user);
	}

	@Override
	public long regrade(String user) {
		return runNow(user).id();
	}

	@Scheduled(cron = "${churnguard.grading.check-cron:0 30 3 * * *}", zone = "${churnguard.time-zone:Asia/Shanghai}")
	void onSchedule() {
		Optional<Instant> last = this.jdbc
			.queryForList("select max(started_at) from grading_run", java.sql.Timestamp.class)
			.stream()
			.filter(java.util.Objects::nonNull)
			.map(java.sql.Timestamp::toInstant)
			.findFirst();
		if (last.isEmpty() || last.get().plus(this.interval).isBefore(this.clock.instant())) {
			GradingJob.GradingRun run = this.job.run("scheduler");
			log.info("Re-graded {} customers: {} changed ({} up, {} down)", run.customers(), run.changed(),
					run.upgrades(), run.downgrades());
		}
	}

	List<Map<String, Object>> runs(int limit) {
		return this.jdbc.queryForList("""
				select id, started_at as "startedAt", finished_at as "finishedAt", started_by as "startedBy",
				       as_of as "asOf", customers, changed, upgrades, downgrades
				from grading_run order by id desc limit ?""", limit);
	}

	Optional<Map<String, Object>> report(long runId) {
		return this.jdbc.queryForList("select report::text from grading_run where id = ?", String.class, runId)
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.map(text -> JSON.readValue(text, MAP));
	}

	GradingRules rules() {
		return this.job.rules();
	}

}
