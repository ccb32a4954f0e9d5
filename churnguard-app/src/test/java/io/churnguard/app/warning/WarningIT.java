package io.churnguard.app.warning;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.scoring.ArchiveTraining;
import io.churnguard.app.scoring.ArchiveTrainingRequest;
import io.churnguard.app.scoring.ScoringRuns;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.TestCompany;
import io.churnguard.app.support.MutableClock;
import io.churnguard.app.support.TestWorkspace;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings on a simulated company: a model trained on the past raises warnings at past
 * dates, and what happened afterwards shows they were right, level by level, with lead
 * time; then the lifecycle, scopes, escalation, and a rule edited in the console acting
 * on the next event.
 */
@ChurnGuardIT(properties = "churnguard.test.context=warnings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarningIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	Imports imports;

	@Autowired
	ArchiveTraining training;

	@Autowired
	ScoringRuns scoring;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	final Map<String, String> passwords = new java.util.HashMap<>();

	LocalDate end;

	@BeforeAll
	void loadCompany() throws Exception {
		this.end = LocalDate.now(ZONE);
		Path sim = TestWorkspace.newDirectory();
		// Eighteen months, so that a model trained five months back has a year of
		// observation
		// dates to learn from rather than one.
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 3000, 18, 11).withStartDate(this.end.minusMonths(18)), sim);
		load(ImportKind.CUSTOMERS, sim.resolve("customers.csv"));
		load(ImportKind.EVENTS, sim.resolve("events.csv"));
		user("head", "RETENTION_HEAD", null, null);
		user("manager_gd", "SALES_MANAGER", "广东", "华南一组");
		user("agent_gd_01", "AGENT", "广东", "华南一组");
		user("agent_gd_02", "AGENT", "广东", "华南一组");
		this.jdbc
			.update("update customer set value_grade = case when monthly_fee >= 150 then 'A' when monthly_fee >= 100 "
					+ "then 'B' when monthly_fee >= 58 then 'C' else 'D' end");
	}

	@Test
	@Order(1)
	void warningsRaisedInThePastWereRightLevelByLevelWithLeadTime() {
		LocalDate trainedUntil = this.end.minusDays(150);
		this.training.train(
				new ArchiveTrainingRequest(trainedUntil, 90, 14, 30, 90, "churn-event", "lr", 0, 0, null, "analyst"));
		for (int daysBack = 150; daysBack >= 60; daysBack -= 30) {
			LocalDate day = this.end.minusDays(daysBack);
			this.clock.set(day.atTime(4, 0).atZone(ZONE).toInstant());
			ScoringRuns.ScoringRun run = this.scoring.scoreAll(day, "scheduler");
			assertThat(run.customers()).isPositive();
		}
		this.clock.set(java.time.Instant.now());
		long warnings = this.jdbc.queryForObject("select count(*) from warning", Long.class);
		assertThat(warnings).as("the daily job raises warnings").isPositive();
		assertThat(this.jdbc
			.queryForObject("select count(*) from (select customer_id, cause from warning where status <> 'closed' "
					+ "group by 1, 2 having count(*) > 1) d", Long.class))
			.as("one open warning per customer and cause")
			.isZero();

		String body = Http.api(this.port)
			.get("/api/v1/warnings/evaluation?from=" + this.end.minusDays(151) + "&to=" + this.end.minusDays(59)
					+ "&horizonDays=90", "Authorization", Http.basic("head", this.passwords.get("head")))
			.body();
		List<Map<String, Object>> levels = com.jayway.jsonpath.JsonPath.read(body, "$.levels");
		List<Double> precision = levels.stream()
			.filter(l -> ((Number) l.get("warned")).intValue() >= 20)
			.map(l -> ((Number) l.get("precision")).doubleValue())
			.toList();
		assertThat(precision).as("observed churn falls level by level: " + body).hasSizeGreaterThanOrEqualTo(2);
		for (int i = 1; i < precision.size(); i++) {
			assertThat(precision.get(i)).as(body).isLessThanOrEqualTo(precision.get(i - 1));
		}
		Double lead = com.jayway.jsonpath.JsonPath.read(body, "$.medianLeadDays");
		assertThat(lead).as("median lead time").isGreaterThanOrEqualTo(30);
	}

	@Test
	@Order(2)
	void anAgentWorksOnlyTheirOwnWarningsAndAnUnworkedOneEscalatesWhenItsSlaPasses() {
		Long id = this.jdbc.queryForObject("""
				select min(w.id) from warning w where w.owner = 'agent_gd_01' and w.status <> 'closed'""", Long.class);
		assertThat(id).as("warnings of the agent's customers are routed to the agent").isNotNull();
		Http api = Http.api(this.port);
		String own = Http.basic("agent_gd_01", this.passwords.get("agent_gd_01"));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		long notified = 0;
		while (System.nanoTime() < deadline && notified == 0) {
			notified = this.jdbc.queryForObject(
					"select count(*) from notification where recipient = 'agent_gd_01' and kind = 'warning.raised'",
					Long.class);
		}
		assertThat(notified).as("the owner is told about each new warning").isPositive();
		assertThat(api.get("/api/v1/inbox", "Authorization", own).body()).contains("warning.raised", "/warnings/");
		String other = Http.basic("agent_gd_02", this.passwords.get("agent_gd_02"));
		assertThat(api.get("/api/v1/warnings/" + id, "Authorization", other).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/warnings?size=500", "Authorization", other).body())
			.doesNotContain("\"owner\":\"agent_gd_01\"");
		assertThat(api.postJson("/api/v1/warnings/" + id + "/start", "", "Authorization", own).body())
			.contains("\"status\":\"in_progress\"");

		HttpResponse<String> closed = api.postJson("/api/v1/warnings/" + id + "/close",
				"{\"outcome\":\"retained\",\"notes\":\"回访后同意续约\"}", "Authorization", own);
		assertThat(closed.body()).contains("\"status\":\"closed\"", "\"outcome\":\"retained\"");
		assertThat(this.jdbc.queryForList("select action from audit_log where object_id = ? order by id", String.class,
				id.toString()))
			.containsSubsequence("WARNING_STARTED", "WARNING_CLOSED");

		Long overdue = this.jdbc.queryForObject("""
				select min(w.id) from warning w where w.owner = 'agent_gd_01' and w.status = 'assigned'""", Long.class);
		assertThat(overdue).isNotNull();
		this.jdbc.update("update warning set due_at = now() + interval '1 day' where status <> 'closed'");
		this.jdbc.update("update warning set due_at = now() - interval '1 hour' where id = ?", overdue);
		HttpResponse<String> escalation = api.postJson("/api/v1/warnings/escalations", "", "Authorization",
				Http.basic("head", this.passwords.get("head")));
		assertThat(escalation.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select owner from warning where id = ?", String.class, overdue))
			.isIn("manager_gd", "head");
		assertThat(this.jdbc.queryForObject("select escalations from warning where id = ?", Integer.class, overdue))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("select action from audit_log where object_id = ?", String.class,
				overdue.toString()))
			.contains("WARNING_ESCALATED");

	}

	@Test
	@Order(3)
	void aRuleEditedInTheConsoleActsOnTheNextEventAndIsAudited() throws Exception {
		this.training
			.train(new ArchiveTrainingRequest(this.end, 90, 14, 30, 90, "churn-event", "lr", 0, 1, null, "analyst"));
		Http console = Http.console(this.port);
		console.login("head", this.passwords.get("head"));
		HttpResponse<String> invalid = console.postForm("/warnings/rules", "/warnings/rules",
				Map.of("name", "broken", "expression", "complaints_30d >= ", "level", "1", "messageZh", "x",
						"messageEn", "x", "enabled", "true"));
		assertThat(invalid.statusCode()).isEqualTo(302);
		assertThat(console.get("/warnings/rules").body()).contains("规则未保存");

		console.postForm("/warnings/rules", "/warnings/rules",
				Map.of("name", "two_complaints_today", "expression", "complaints_30d >= 2.0", "level", "1", "messageZh",
						"近30天投诉{complaints_30d}次", "messageEn", "{complaints_30d} complaints in 30 days", "enabled",
						"true"));
		assertThat(
				this.jdbc.queryForList("select action from audit_log where object_type = 'warning_rule'", String.class))
			.contains("WARNING_RULE_CREATED");

		String customer = this.jdbc.queryForObject("""
				select c.customer_id from customer c where c.status = 'active'
				  and not exists (select 1 from warning w where w.customer_id = c.customer_id)
				order by c.customer_id limit 1""", String.class);
		String now = java.time.LocalDateTime.now(ZONE).withNano(0).toString();
		String events = "[{\"event_id\":\"RT-1\",\"customer_id\":\"" + customer + "\",\"event_time\":\"" + now
				+ "\",\"event_type\":\"complaint\",\"subtype\":\"network\"},{\"event_id\":\"RT-2\",\"customer_id\":\""
				+ customer + "\",\"event_time\":\"" + now + "\",\"event_type\":\"complaint\",\"subtype\":\"billing\"}]";
		assertThat(Http.api(this.port)
			.postJson("/api/v1/events", events, "Authorization", Http.basic("head", this.passwords.get("head")))
			.body()).contains("\"accepted\":2");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Integer raised = 0;
		while (System.nanoTime() < deadline && raised == 0) {
			raised = this.jdbc.queryForObject(
					"select count(*) from warning where customer_id = ? and cause = 'rule:two_complaints_today'",
					Integer.class, customer);
			Thread.sleep(100);
		}
		assertThat(raised).as("the event raised a warning through the edited rule").isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select reasons::text from warning where customer_id = ? and cause = 'rule:two_complaints_today'",
				String.class, customer))
			.contains("近30天投诉2次");

		Long warningId = this.jdbc.queryForObject(
				"select id from warning where customer_id = ? and cause = 'rule:two_complaints_today'", Long.class,
				customer);
		String detail = console.get("/warnings/" + warningId).body();
		assertThat(detail).as("the detail shows the feature trends and the customer's latest events")
			.contains("指标趋势", "feature-trend-table", "近30天投诉次数", "近30天通话时长", "warning-events", "billing", "network")
			.doesNotContain("??");
		// The last observation point includes today's two complaints.
		assertThat(detail).containsPattern("近30天投诉次数</td>(?s:.*?)<td>([2-9]|\\d\\d)\\.0</td>\\s*</tr>");
	}

	@Test
	@Order(4)
	void theLevelMatrixIsEditedThroughTheApiAndAudited() {
		String head = Http.basic("head", this.passwords.get("head"));
		Http api = Http.api(this.port);
		String matrix = api.get("/api/v1/warnings/levels", "Authorization", head).body();
		assertThat(matrix).contains("\"high\":{\"A\":1");
		String changed = matrix.replace("\"high\":{\"A\":1", "\"high\":{\"A\":2");
		assertThat(api.putJson("/api/v1/warnings/levels", changed, "Authorization", head).body())
			.contains("\"high\":{\"A\":2");
		assertThat(api
			.putJson("/api/v1/warnings/levels", changed, "Authorization",
					Http.basic("agent_gd_01", this.passwords.get("agent_gd_01")))
			.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForList("select action from audit_log", String.class))
			.contains("WARNING_LEVELS_CHANGED");
	}

	private void load(ImportKind kind, Path file) {
		TestCompany.load(this.imports, kind, file);
	}

	private void user(String username, String role, String region, String team) {
		this.passwords.put(username,
				TestCompany.user(Http.api(this.port), this.adminPassword, username, role, region, team));
	}

}
