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
		// One message per warning, or one summary when a run gave the agent many.
		assertThat(notified).as("the owner is told about new warnings").isPositive();
		assertThat(api.get("/api/v1/inbox", "Authorization", own).body()).contains("warning.raised", "/warnings");
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
		assertThat(grantee(id)).as("a closed warning gives nobody access to its customer").isNull();

		Long overdue = this.jdbc.queryForObject("""
				select min(w.id) from warning w where w.owner = 'agent_gd_01' and w.status = 'assigned'""", Long.class);
		assertThat(overdue).isNotNull();
		this.jdbc.update("update warning set due_at = now() + interval '1 day' where status <> 'closed'");
		this.jdbc.update("update warning set due_at = now() - interval '1 hour' where id = ?", overdue);
		HttpResponse<String> escalation = api.postJson("/api/v1/warnings/escalations", "", "Authorization",
				Http.basic("head", this.passwords.get("head")));
		assertThat(escalation.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select owner from warning where id = ?", String.class, overdue))
			.as("an agent's overdue warning goes to the manager of the agent's team")
			.isEqualTo("manager_gd");
		assertThat(grantee(overdue)).as("access to the customer follows the warning").isEqualTo("manager_gd");
		assertThat(this.jdbc.queryForObject("select escalations from warning where id = ?", Integer.class, overdue))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("select action from audit_log where object_id = ?", String.class,
				overdue.toString()))
			.contains("WARNING_ESCALATED");
	}

	@Test
	@Order(3)
	void anUnworkedWarningEscalatesUpTheLineAndStaysOverdueWithTheRetentionHead() {
		Http api = Http.api(this.port);
		String head = Http.basic("head", this.passwords.get("head"));
		Long id = this.jdbc.queryForObject(
				"select min(id) from warning where owner = 'manager_gd' and escalations = 1 and status <> 'closed'",
				Long.class);
		assertThat(id).as("the warning escalated to the manager before").isNotNull();
		this.jdbc.update("update warning set due_at = now() - interval '1 hour' where id = ?", id);
		assertThat(api.postJson("/api/v1/warnings/escalations", "", "Authorization", head).body())
			.isEqualTo("{\"escalated\":1}");
		assertThat(this.jdbc.queryForObject("select owner from warning where id = ?", String.class, id))
			.as("a manager's overdue warning goes up to the retention head, not to another manager")
			.isEqualTo("head");

		this.jdbc.update("update warning set due_at = now() - interval '1 hour' where id = ?", id);
		assertThat(api.postJson("/api/v1/warnings/escalations", "", "Authorization", head).body())
			.as("the retention head is the top: nobody junior takes it")
			.isEqualTo("{\"escalated\":0}");
		assertThat(this.jdbc.queryForMap("select owner, escalations from warning where id = ?", id))
			.containsEntry("owner", "head")
			.containsEntry("escalations", 2);
		assertThat(api.get("/api/v1/warnings/" + id, "Authorization", head).body()).contains("\"overdue\":true");
		this.jdbc.update("update warning set due_at = now() + interval '1 day' where id = ?", id);
	}

	@Test
	@Order(4)
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
				Map.of("name", "two_complaints_today", "expression", "complaints_30d >= 2.0", "level", "2", "messageZh",
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

		// Renamed and made more severe, the rule upgrades its open warning in place: the
		// warning is keyed by the rule's id, not its name.
		String head = Http.basic("head", this.passwords.get("head"));
		Http api = Http.api(this.port);
		assertThat(api.postJson("/api/v1/warnings/" + warningId + "/start", "", "Authorization", head).body())
			.contains("\"status\":\"in_progress\"");
		Long ruleId = this.jdbc.queryForObject("select id from warning_rule where name = 'two_complaints_today'",
				Long.class);
		HttpResponse<String> renamed = api.putJson("/api/v1/warnings/rules/" + ruleId,
				"{\"name\":\"complaints_today\",\"expression\":\"complaints_30d >= 2.0\",\"level\":1,"
						+ "\"messageZh\":\"近30天投诉{complaints_30d}次\",\"messageEn\":\"{complaints_30d} complaints\","
						+ "\"enabled\":true}",
				"Authorization", head);
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select cause from warning where id = ?", String.class, warningId))
			.as("the open warning shows the rule's new name")
			.isEqualTo("rule:complaints_today");
		String third = "[{\"event_id\":\"RT-3\",\"customer_id\":\"" + customer + "\",\"event_time\":\"" + now
				+ "\",\"event_type\":\"complaint\",\"subtype\":\"network\"}]";
		assertThat(api.postJson("/api/v1/events", third, "Authorization", head).body()).contains("\"accepted\":1");
		deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Integer level = 2;
		while (System.nanoTime() < deadline && level == 2) {
			level = this.jdbc.queryForObject("select level from warning where id = ?", Integer.class, warningId);
			Thread.sleep(100);
		}
		assertThat(level).as("the renamed rule upgraded the open warning").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from warning where customer_id = ? and cause_key = ?",
				Integer.class, customer, "rule:" + ruleId))
			.as("no second warning for the renamed rule")
			.isEqualTo(1);
		Map<String, Object> upgrade = this.jdbc.queryForMap(
				"select actor, status, level, note from warning_history where warning_id = ? and action = 'upgraded'",
				warningId);
		assertThat(upgrade).as("the upgrade keeps the warning's status and says from and to")
			.containsEntry("actor", "realtime")
			.containsEntry("status", "in_progress")
			.containsEntry("level", 1)
			.containsEntry("note", "II → I");
		assertThat(this.jdbc.queryForObject("select status from warning where id = ?", String.class, warningId))
			.isEqualTo("in_progress");
		String owner = this.jdbc.queryForObject("select owner from warning where id = ?", String.class, warningId);
		deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<Map<String, Object>> upgraded = List.of();
		while (System.nanoTime() < deadline && upgraded.isEmpty()) {
			upgraded = this.jdbc.queryForList(
					"select kind, title_zh, title_en from notification where recipient = ? and event_key = ?", owner,
					"warning:" + warningId + ":upgraded:1");
			Thread.sleep(100);
		}
		assertThat(upgraded).as("the owner is told the warning was upgraded").hasSize(1);
		assertThat(upgraded.get(0)).containsEntry("kind", "warning.upgraded")
			.containsEntry("title_zh", "I级预警升级：客户 " + customer)
			.containsEntry("title_en", "Warning upgraded (level I): customer " + customer);
	}

	@Test
	@Order(5)
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

	@Test
	@Order(6)
	void anAgentSeesAndClaimsTheirTeamsQueueButNeitherColleaguesWarningsNorOtherTeamsQueues() {
		Long queued = this.jdbc.queryForObject(
				"select min(id) from warning where owner = 'agent_gd_01' and status = 'assigned'", Long.class);
		Long otherTeam = this.jdbc.queryForObject(
				"select min(id) from warning where status <> 'closed' and team <> '华南一组' and owner is not null",
				Long.class);
		Long colleagues = this.jdbc.queryForObject(
				"select max(id) from warning where owner = 'agent_gd_01' and status = 'assigned'", Long.class);
		assertThat(queued).isNotEqualTo(colleagues);
		// Nobody of the team had room when these were raised: they wait in their teams'
		// queues.
		this.jdbc.update("update warning set owner = null, status = 'new', team = '华南一组' where id = ?", queued);
		this.jdbc.update("update warning set owner = null, status = 'new' where id = ?", otherTeam);

		Http api = Http.api(this.port);
		String agent = Http.basic("agent_gd_02", this.passwords.get("agent_gd_02"));
		List<Integer> queue = com.jayway.jsonpath.JsonPath
			.read(api.get("/api/v1/warnings?owner=-&size=500", "Authorization", agent).body(), "$.items[*].id");
		assertThat(queue).as("the team's queue, and only it")
			.contains(queued.intValue())
			.doesNotContain(otherTeam.intValue());
		assertThat(api.get("/api/v1/warnings/" + colleagues, "Authorization", agent).statusCode())
			.as("a colleague's own warning")
			.isEqualTo(404);
		assertThat(api.postJson("/api/v1/warnings/" + otherTeam + "/claim", "", "Authorization", agent).statusCode())
			.as("another team's queue")
			.isEqualTo(404);

		String customer = this.jdbc.queryForObject("select customer_id from warning where id = ?", String.class,
				queued);
		assertThat(this.jdbc.queryForObject("select owner from customer where customer_id = ?", String.class, customer))
			.isNotEqualTo("agent_gd_02");
		assertThat(api.get("/api/v1/customers/" + customer, "Authorization", agent).statusCode())
			.as("a queued warning's customer is not the agent's before they claim it")
			.isEqualTo(404);

		HttpResponse<String> claimed = api.postJson("/api/v1/warnings/" + queued + "/claim", "", "Authorization",
				agent);
		assertThat(claimed.body()).contains("\"owner\":\"agent_gd_02\"", "\"status\":\"assigned\"");
		assertThat(this.jdbc.queryForMap(
				"select actor, action from audit_log where object_type = 'warning' and object_id = ? order by id desc limit 1",
				queued.toString()))
			.containsEntry("actor", "agent_gd_02")
			.containsEntry("action", "WARNING_ASSIGNED");
		assertThat(this.jdbc.queryForList("select action from warning_history where warning_id = ? order by id",
				String.class, queued))
			.endsWith("assigned");
		String first = Http.basic("agent_gd_01", this.passwords.get("agent_gd_01"));
		assertThat(api.postJson("/api/v1/warnings/" + queued + "/claim", "", "Authorization", first).statusCode())
			.as("once claimed it is the colleague's own warning")
			.isEqualTo(404);

		// The agent who works the warning sees its customer, masked as for their own, and
		// an unmasked view (to call them) is audited.
		HttpResponse<String> profile = api.get("/api/v1/customers/" + customer, "Authorization", agent);
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("\"customerId\":\"" + customer + "\"", "****");
		assertThat(api.get("/api/v1/customers/" + customer + "?unmasked=true", "Authorization", agent).statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_log where actor = 'agent_gd_02' and action = 'CUSTOMER_VIEW_UNMASKED'
				  and object_id = ?""", Long.class, customer)).isEqualTo(1);
		assertThat(api.get("/api/v1/customers?size=500", "Authorization", agent).body()).contains(customer);

		api.postJson("/api/v1/warnings/" + queued + "/assign", "{\"owner\":\"agent_gd_01\"}", "Authorization",
				Http.basic("head", this.passwords.get("head")));
		assertThat(api.get("/api/v1/customers/" + customer, "Authorization", agent).statusCode())
			.as("given to someone else, the warning no longer opens its customer to the agent")
			.isEqualTo(404);
		assertThat(grantee(queued)).isEqualTo("agent_gd_01");
	}

	/** Who the warning's customer is open to through the warning, or null. */
	private String grantee(long warningId) {
		return this.jdbc
			.queryForList("select username from customer_access_grant where work = ?", String.class,
					"warning:" + warningId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	@Test
	@Order(7)
	void aManagerEvaluatesTheWarningsAndCustomersOfTheirRegionAndTeamOnly() {
		String period = "?from=" + this.end.minusDays(151) + "&to=" + this.end.plusDays(1) + "&horizonDays=90";
		Http api = Http.api(this.port);
		String all = api
			.get("/api/v1/warnings/evaluation" + period, "Authorization",
					Http.basic("head", this.passwords.get("head")))
			.body();
		String mine = api
			.get("/api/v1/warnings/evaluation" + period, "Authorization",
					Http.basic("manager_gd", this.passwords.get("manager_gd")))
			.body();
		String scope = "(owner = 'manager_gd' or (province = '广东' and team = '华南一组'))";
		long warned = this.jdbc.queryForObject(
				"select count(distinct customer_id) from warning where raised_at >= ? " + "and " + scope, Long.class,
				java.sql.Date.valueOf(this.end.minusDays(151)));
		assertThat(((Number) com.jayway.jsonpath.JsonPath.read(mine, "$.warned")).longValue()).as(mine)
			.isEqualTo(warned)
			.isPositive()
			.isLessThan(((Number) com.jayway.jsonpath.JsonPath.read(all, "$.warned")).longValue());
		long churners = this.jdbc.queryForObject(
				"select count(*) from customer where province = '广东' "
						+ "and team = '华南一组' and churn_date >= ? and churn_date < ?",
				Long.class, java.sql.Date.valueOf(this.end.minusDays(151)),
				java.sql.Date.valueOf(this.end.plusDays(1)));
		assertThat(((Number) com.jayway.jsonpath.JsonPath.read(mine, "$.churners")).longValue()).isEqualTo(churners);
		List<String> owners = com.jayway.jsonpath.JsonPath.read(mine, "$.load[*].owner");
		assertThat(owners).as("load of the owners of warnings in the manager's scope only")
			.containsExactlyInAnyOrderElementsOf(this.jdbc
				.queryForList("select distinct coalesce(owner, '-') from warning where " + scope, String.class));
		assertThat(api
			.get("/api/v1/warnings/evaluation" + period, "Authorization",
					Http.basic("agent_gd_01", this.passwords.get("agent_gd_01")))
			.statusCode()).isEqualTo(403);
	}

	@Test
	@Order(8)
	void aBulkAssignmentIsAllOrNothingAndEachAssignmentIsAudited() {
		Http api = Http.api(this.port);
		String manager = Http.basic("manager_gd", this.passwords.get("manager_gd"));
		List<Long> mine = this.jdbc.queryForList("""
				select id from warning where status <> 'closed' and province = '广东' and team = '华南一组'
				  and owner is distinct from 'agent_gd_02' order by id limit 3""", Long.class);
		assertThat(mine).hasSize(3);
		Long outside = this.jdbc.queryForObject(
				"select min(id) from warning where status <> 'closed' and province <> '广东' and owner <> 'manager_gd'",
				Long.class);
		assertThat(api
			.postJson("/api/v1/warnings/" + mine.get(2) + "/close", "{\"outcome\":\"false_alarm\"}", "Authorization",
					manager)
			.statusCode()).isEqualTo(200);
		Map<Long, String> before = owners(mine);

		HttpResponse<String> refused = api.postJson("/api/v1/warnings/assign",
				"{\"ids\":[" + mine.get(0) + "," + outside + "],\"owner\":\"agent_gd_02\"}", "Authorization", manager);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("no warning " + outside);
		HttpResponse<String> closed = api.postJson("/api/v1/warnings/assign",
				"{\"ids\":[" + mine.get(0) + "," + mine.get(2) + "],\"owner\":\"agent_gd_02\"}", "Authorization",
				manager);
		assertThat(closed.statusCode()).isEqualTo(409);
		assertThat(closed.body()).contains("warning " + mine.get(2) + " closed");
		assertThat(owners(mine)).as("nothing was assigned").isEqualTo(before);

		user("agent_gd_left", "AGENT", "广东", "华南一组");
		assertThat(api
			.putJson("/api/v1/users/agent_gd_left/enabled", "false", "Authorization",
					Http.basic("admin", this.adminPassword))
			.statusCode()).isLessThan(300);
		HttpResponse<String> disabled = api.postJson("/api/v1/warnings/assign",
				"{\"ids\":[" + mine.get(0) + "],\"owner\":\"agent_gd_left\"}", "Authorization", manager);
		assertThat(disabled.statusCode()).isEqualTo(400);
		assertThat(disabled.body()).contains("agent_gd_left is disabled");
		assertThat(owners(mine)).as("nothing was assigned").isEqualTo(before);

		user("agent_bj_01", "AGENT", "北京", "华北一组");
		HttpResponse<String> otherTeam = api.postJson("/api/v1/warnings/assign",
				"{\"ids\":[" + mine.get(0) + "," + mine.get(1) + "],\"owner\":\"agent_bj_01\"}", "Authorization",
				manager);
		assertThat(otherTeam.statusCode()).as(otherTeam.body()).isEqualTo(400);
		assertThat(otherTeam.body())
			.contains("agent_bj_01 is not responsible for the customer of warning " + mine.get(0) + ", " + mine.get(1));
		assertThat(api
			.postJson("/api/v1/warnings/" + mine.get(0) + "/assign", "{\"owner\":\"agent_bj_01\"}", "Authorization",
					Http.basic("head", this.passwords.get("head")))
			.statusCode()).as("not even the retention head gives a warning to someone of another team").isEqualTo(400);
		assertThat(owners(mine)).as("nothing was assigned").isEqualTo(before);

		Http console = Http.console(this.port);
		console.login("manager_gd", this.passwords.get("manager_gd"));
		console.postForm("/warnings", "/warnings/assign", Map.of("ids", outside.toString(), "owner", "agent_gd_02"));
		assertThat(console.get("/warnings").body()).contains("没有分派任何预警：no warning " + outside);

		HttpResponse<String> assigned = api.postJson("/api/v1/warnings/assign",
				"{\"ids\":[" + mine.get(0) + "," + mine.get(1) + "],\"owner\":\"agent_gd_02\"}", "Authorization",
				manager);
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		assertThat(owners(mine.subList(0, 2)).values()).containsOnly("agent_gd_02");
		for (Long id : mine.subList(0, 2)) {
			assertThat(
					this.jdbc.queryForList("select action from audit_log where object_id = ? and actor = 'manager_gd'",
							String.class, id.toString()))
				.containsAnyOf("WARNING_ASSIGNED", "WARNING_REASSIGNED");
		}
	}

	private Map<Long, String> owners(List<Long> ids) {
		Map<Long, String> owners = new java.util.HashMap<>();
		for (Long id : ids) {
			owners.put(id, String
				.valueOf(this.jdbc.queryForObject("select owner from warning where id = ?", String.class, id)));
		}
		return owners;
	}

	private void load(ImportKind kind, Path file) {
		TestCompany.load(this.imports, kind, file);
	}

	private void user(String username, String role, String region, String team) {
		this.passwords.put(username,
				TestCompany.user(Http.api(this.port), this.adminPassword, username, role, region, team));
	}

}
