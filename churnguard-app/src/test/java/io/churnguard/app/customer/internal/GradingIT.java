package io.churnguard.app.customer.internal;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value grading runs: moves between grades reported per province, the history of each
 * change, who may run and read them, and the schedule that catches up. Each test uses a
 * province of its own, so other tests' customers do not change its counts.
 */
@ChurnGuardIT
class GradingIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Grading grading;

	Http api;

	@BeforeEach
	void setUp() {
		this.api = Http.api(this.port);
	}

	@Test
	void aRunReportsUpgradesAndDowngradesPerProvinceWithTheMovesBetweenGrades() {
		customer("GM1", "\"value_grade\":\"A\"");
		customer("GM2", "\"value_grade\":\"E\"");
		customer("GM3", "\"value_grade\":\"C\",\"monthly_fee\":90");
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
		HttpResponse<String> events = this.api.postJson("/api/v1/events",
				"[" + bill("GM2-1", "GM2", now.minusDays(15), 350) + "," + bill("GM2-2", "GM2", now.minusDays(45), 350)
						+ "]",
				"Authorization", admin());
		assertThat(events.body()).contains("\"accepted\":2");

		HttpResponse<String> run = this.api.postJson("/api/v1/grading/runs", "", "Authorization", admin());
		assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
		long id = JSON.readTree(run.body()).get("id").asLong();

		JsonNode region = JSON.readTree(get("/api/v1/grading/runs/" + id + "/report").body()).get("regions").get("测试省");
		assertThat(region.get("upgrades").asLong()).isEqualTo(1);
		assertThat(region.get("downgrades").asLong()).isEqualTo(1);
		assertThat(region.get("moves").get("A→E").asLong()).isEqualTo(1);
		assertThat(region.get("moves").get("E→A").asLong()).isEqualTo(1);
		assertThat(region.get("grades").get("C").asLong()).as("ARPU from the monthly fee").isEqualTo(1);

		assertThat(this.jdbc.queryForList("""
				select customer_id || ' ' || previous_grade || '→' || grade from customer_grade_history
				where grading_run_id = ? and customer_id like 'GM%' order by customer_id""", String.class, id))
			.containsExactly("GM1 A→E", "GM2 E→A");
		assertThat(this.jdbc.queryForObject(
				"select reason from customer_grade_history where grading_run_id = ? and customer_id = 'GM2'",
				String.class, id))
			.contains("300");
		assertThat(get("/api/v1/customers/GM1").body()).contains("\"valueGrade\":\"E\"", "\"previousGrade\":\"A\"");

		Http console = Http.console(this.port);
		console.login("admin", this.adminPassword);
		assertThat(console.get("/customers/grading?run=" + id).body()).contains("data-region=\"测试省\"");
	}

	@Test
	void onlyTheRetentionHeadAndAdministratorsStartRunsAndAgentsReadNoReports() {
		String agent = user("agent.grading", "AGENT");
		String manager = user("mgr.grading", "SALES_MANAGER");
		assertThat(this.api.postJson("/api/v1/grading/runs", "", "Authorization", manager).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/grading/runs", "Authorization", agent).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/grading/runs", "Authorization", manager).statusCode()).isEqualTo(200);
	}

	@Test
	void theScheduleGradesOnlyWhenTheLastRunIsOlderThanFourWeeks() {
		this.grading.regrade("test");
		long before = lastRun();
		this.grading.onSchedule();
		assertThat(lastRun()).as("graded today: nothing to do").isEqualTo(before);

		this.jdbc.update("update grading_run set started_at = started_at - interval '29 days'");
		this.grading.onSchedule();
		assertThat(lastRun()).isGreaterThan(before);
		assertThat(this.jdbc.queryForObject("select started_by from grading_run where id = ?", String.class, lastRun()))
			.isEqualTo("scheduler");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'GRADING_RUN' and object_id = ?", Integer.class,
				Long.toString(lastRun())))
			.isEqualTo(1);
	}

	private long lastRun() {
		return this.jdbc.queryForObject("select max(id) from grading_run", Long.class);
	}

	private void customer(String id, String extra) {
		HttpResponse<String> put = this.api.putJson("/api/v1/customers/" + id,
				"{\"name\":\"测试\",\"join_date\":\"2024-01-01\",\"province\":\"测试省\"," + extra + "}", "Authorization",
				admin());
		assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
	}

	private HttpResponse<String> get(String path) {
		return this.api.get(path, "Authorization", admin());
	}

	private String admin() {
		return Http.basic("admin", this.adminPassword);
	}

	private String user(String username, String role) {
		HttpResponse<String> created = this.api.postJson("/api/v1/users", "{\"username\":\"" + username
				+ "\",\"displayName\":\"测试\",\"role\":\"" + role + "\",\"region\":\"测试省\"}", "Authorization", admin());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.basic(username, JSON.readTree(created.body()).get("initialPassword").asString());
	}

	private static String bill(String id, String customer, LocalDateTime time, double amount) {
		return "{\"event_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"event_time\":\"" + time.withNano(0)
				+ "\",\"event_type\":\"bill\",\"subtype\":\"monthly\",\"amount\":" + amount + "}";
	}

}
