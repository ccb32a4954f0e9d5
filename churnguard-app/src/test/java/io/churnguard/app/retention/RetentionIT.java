package io.churnguard.app.retention;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention on a simulated company: customers scored 120 days ago are the targets of
 * overlapping campaigns launched that day — designed by a manager and the head, approved
 * by a head, with control groups held out — whose tasks agents work; what happened since
 * is the campaigns' evaluation. Then a level I warning enrols its customer into a
 * triggered campaign.
 */
@ChurnGuardIT(properties = "churnguard.test.context=retention")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIT {

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

	final Map<String, String> passwords = new HashMap<>();

	LocalDate end;

	LocalDate launchDay;

	long managerCampaign;

	long headCampaign;

	long secondHeadCampaign;

	List<String> blackListed;

	List<String> doNotContact;

	@BeforeAll
	void loadCompany() throws Exception {
		this.end = LocalDate.now(ZONE);
		Path sim = TestWorkspace.newDirectory();
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 2000, 12, 23).withStartDate(this.end.minusMonths(12)), sim);
		load(ImportKind.CUSTOMERS, sim.resolve("customers.csv"));
		load(ImportKind.EVENTS, sim.resolve("events.csv"));
		user("head", "RETENTION_HEAD", null, null);
		user("head2", "RETENTION_HEAD", null, null);
		user("manager_gd", "SALES_MANAGER", "广东", null);
		user("agent_gd_01", "AGENT", "广东", null);
		user("agent_gd_02", "AGENT", "广东", null);
		user("analyst", "ANALYST", null, null);
		this.jdbc
			.update("update customer set value_grade = case when monthly_fee >= 150 then 'A' when monthly_fee >= 100 "
					+ "then 'B' when monthly_fee >= 58 then 'C' else 'D' end");
		this.launchDay = this.end.minusDays(120);
		this.training.train(new ArchiveTrainingRequest(this.end.minusDays(150), 90, 14, 30, 90, "churn-event", "lr", 0,
				0, null, "analyst"));
		this.clock.set(this.launchDay.atTime(4, 0).atZone(ZONE).toInstant());
		assertThat(this.scoring.scoreAll(this.launchDay, "scheduler").customers()).isPositive();
		this.clock.set(this.launchDay.atTime(9, 0).atZone(ZONE).toInstant());
	}

	@Test
	@Order(1)
	void nothingIsIssuedBeforeTheRetentionHeadApproves() {
		String campaign = """
				{"name":"广东客户回访","kind":"batch","filter":{"provinces":["广东"]},
				 "action":"callback","channel":"phone","costPerContact":12,"baselineRetention":0.8,
				 "expectedUplift":0.1,"minControlShare":0.1,"observationDays":90}""";
		HttpResponse<String> created = post("manager_gd", "/api/v1/campaigns", campaign);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.managerCampaign = id(created);
		assertThat(post("agent_gd_01", "/api/v1/campaigns", campaign).statusCode()).as("agents do not design campaigns")
			.isEqualTo(403);

		assertThat(post("manager_gd", launch(this.managerCampaign), "").statusCode()).as("a draft does not launch")
			.isEqualTo(409);
		assertThat(post("manager_gd", "/api/v1/campaigns/" + this.managerCampaign + "/submit", "").statusCode())
			.isEqualTo(200);
		assertThat(post("manager_gd", launch(this.managerCampaign), "").statusCode())
			.as("a submitted campaign does not launch")
			.isEqualTo(409);
		assertThat(post("manager_gd", approve(this.managerCampaign), "{}").statusCode()).as("a manager cannot approve")
			.isEqualTo(403);
		assertThat(post("agent_gd_01", approve(this.managerCampaign), "{}").statusCode()).isEqualTo(403);
		assertThat(post("head", "/api/v1/campaigns/" + this.managerCampaign + "/reject", "{\"note\":\"对照组太小\"}").body())
			.contains("\"status\":\"rejected\"");
		assertThat(post("manager_gd", launch(this.managerCampaign), "").statusCode())
			.as("a rejected campaign does not launch")
			.isEqualTo(409);
		assertThat(tasks(this.managerCampaign)).as("nothing was issued for a campaign never approved").isZero();

		assertThat(put("manager_gd", "/api/v1/campaigns/" + this.managerCampaign,
				campaign.replace("\"minControlShare\":0.1", "\"minControlShare\":0.15"))
			.statusCode()).isEqualTo(200);
		post("manager_gd", "/api/v1/campaigns/" + this.managerCampaign + "/submit", "");
		String approved = post("head", approve(this.managerCampaign), "{\"note\":\"同意\"}").body();
		assertThat(approved).contains("\"status\":\"scheduled\"", "\"decidedBy\":\"head\"");
		HttpResponse<String> launched = post("manager_gd", launch(this.managerCampaign), "");
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
		assertThat(launched.body()).contains("\"status\":\"running\"");
		assertThat(tasks(this.managerCampaign)).isPositive();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from campaign_member m join customer c using (customer_id)
				where m.campaign_id = ? and c.province <> '广东'""", Long.class, this.managerCampaign))
			.as("a manager's campaign stays within the manager's region")
			.isZero();
	}

	@Test
	@Order(2)
	void theControlGroupIsHeldOutStratifiedAndItsAssignmentCannotChange() {
		long members = count("select count(*) from campaign_member where campaign_id = ? and grp <> 'exempt'",
				this.managerCampaign);
		long control = count("select count(*) from campaign_member where campaign_id = ? and grp = 'control'",
				this.managerCampaign);
		Integer size = this.jdbc.queryForObject("select control_size from campaign where id = ?", Integer.class,
				this.managerCampaign);
		assertThat(members).isGreaterThan(100);
		assertThat(control).isEqualTo(size.longValue()).isGreaterThanOrEqualTo((long) Math.ceil(0.15 * members));
		assertThat(count("""
				select count(*) from contact_task t join campaign_member m
				  on m.campaign_id = t.campaign_id and m.customer_id = t.customer_id
				where t.campaign_id = ? and m.grp = 'control'""", this.managerCampaign))
			.as("control customers are never contacted by the campaign")
			.isZero();
		List<Map<String, Object>> strata = this.jdbc.queryForList("""
				select stratum, count(*) as n, count(*) filter (where grp = 'control') as c
				from campaign_member where campaign_id = ? and grp <> 'exempt' group by stratum""",
				this.managerCampaign);
		assertThat(strata).hasSizeGreaterThan(2);
		for (Map<String, Object> stratum : strata) {
			double expected = ((Number) stratum.get("n")).doubleValue() * control / members;
			assertThat(((Number) stratum.get("c")).doubleValue()).as("stratum " + stratum)
				.isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
		}
		String someone = this.jdbc.queryForObject(
				"select customer_id from campaign_member where campaign_id = ? and grp = 'control' limit 1",
				String.class, this.managerCampaign);
		assertThatThrownBy(() -> this.jdbc.update(
				"update campaign_member set grp = 'treatment' where campaign_id = ? and customer_id = ?",
				this.managerCampaign, someone))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("immutable");
		assertThatThrownBy(
				() -> this.jdbc.update("delete from campaign_member where campaign_id = ?", this.managerCampaign))
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	@Order(3)
	void overlappingCampaignsNeverContactAnyoneMoreThanTwiceIn30DaysNorTheBlackListedOrDoNotContact() {
		this.blackListed = this.jdbc.queryForList("""
				select c.customer_id from customer c where c.province = '河南' and c.status = 'active'
				order by c.customer_id limit 3""", String.class);
		this.doNotContact = this.jdbc.queryForList("""
				select c.customer_id from customer c where c.province = '河南' and c.status = 'active'
				order by c.customer_id desc limit 2""", String.class);
		assertThat(this.blackListed).hasSize(3);
		assertThat(post("head", "/api/v1/contact-lists/black",
				"{\"customerIds\":" + json(this.blackListed) + ",\"reason\":\"投诉营销骚扰\"}")
			.body()).contains("\"added\":3");
		for (String customer : this.doNotContact) {
			assertThat(put("agent_gd_01", "/api/v1/contact-lists/preferences/" + customer,
					"{\"doNotContact\":true,\"consent\":true}")
				.statusCode()).isEqualTo(200);
		}
		String campaign = """
				{"name":"%s","kind":"batch","filter":{"provinces":["广东","河南"]},"action":"care_sms",
				 "channel":"sms","costPerContact":0.1,"baselineRetention":0.85,"expectedUplift":0.05,
				 "observationDays":90}""";
		this.headCampaign = id(post("head", "/api/v1/campaigns", campaign.formatted("全国关怀短信")));
		this.secondHeadCampaign = id(post("head", "/api/v1/campaigns", campaign.formatted("全国第二轮关怀")));
		for (long id : List.of(this.headCampaign, this.secondHeadCampaign)) {
			post("head", "/api/v1/campaigns/" + id + "/submit", "");
			assertThat(post("head", approve(id), "{}").statusCode())
				.as("a head does not approve their own campaign while another head exists")
				.isEqualTo(403);
			assertThat(post("head2", approve(id), "{}").body()).contains("\"status\":\"scheduled\"");
			this.clock.advance(Duration.ofHours(1));
			assertThat(post("head", launch(id), "").statusCode()).isEqualTo(200);
		}

		assertThat(count("""
				select count(*) from (select customer_id from contact_task where status <> 'cancelled'
				  group by customer_id having count(*) > 2) x""")).as("nobody is contacted more than twice in 30 days")
			.isZero();
		assertThat(count("""
				select count(*) from campaign_member m join campaign_member n
				  on n.customer_id = m.customer_id and n.campaign_id = ? and n.grp = 'treatment'
				where m.campaign_id = ? and m.grp = 'treatment'""", this.headCampaign, this.managerCampaign))
			.as("the campaigns overlap")
			.isPositive();
		assertThat(count("select count(*) from campaign_exclusion where campaign_id = ? and reason = 'frequency'",
				this.secondHeadCampaign))
			.as("the third campaign in a row finds customers already contacted twice")
			.isPositive();
		List<String> refused = new java.util.ArrayList<>(this.blackListed);
		refused.addAll(this.doNotContact);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from contact_task where status <> 'cancelled' and customer_id = any (?)", Long.class,
				(Object) refused.toArray(String[]::new)))
			.as("black-listed and do-not-contact customers are never contacted")
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select distinct reason from campaign_exclusion where campaign_id = ? and customer_id = any (?)",
				String.class, this.headCampaign, refused.toArray(String[]::new)))
			.containsExactlyInAnyOrder("black_list", "do_not_contact");
	}

	@Test
	@Order(4)
	void agentsSeeAndWorkOnlyTheirOwnTasks() {
		String body = get("agent_gd_01", "/api/v1/tasks?status=open").body();
		List<String> owners = JsonPath.read(body, "$[*].owner");
		assertThat(owners).isNotEmpty().containsOnly("agent_gd_01");
		Long others = this.jdbc.queryForObject(
				"select min(id) from contact_task where owner = 'agent_gd_02' and status = 'open'", Long.class);
		assertThat(others).isNotNull();
		assertThat(get("agent_gd_01", "/api/v1/tasks/" + others).statusCode()).isEqualTo(404);
		assertThat(
				post("agent_gd_01", "/api/v1/tasks/" + others + "/outcome", "{\"outcome\":\"accepted\"}").statusCode())
			.isEqualTo(404);
		assertThat(get("agent_gd_02", "/api/v1/tasks/" + others).statusCode()).isEqualTo(200);
		assertThat(get("manager_gd", "/api/v1/tasks/" + others).statusCode()).as("the region's manager sees the task")
			.isEqualTo(200);
		assertThat(get("agent_gd_01", "/api/v1/campaigns/" + this.managerCampaign + "/evaluation").statusCode())
			.isEqualTo(403);
	}

	@Test
	@Order(5)
	void recordedOutcomesFlowIntoTheEventLogAndTheEvaluationShowsUpliftWithItsIntervalAndRoi() {
		this.clock.advance(Duration.ofDays(2));
		List<Integer> own = JsonPath.read(get("agent_gd_01", "/api/v1/tasks?status=open").body(), "$[*].id");
		String[] outcomes = { "accepted", "reached", "declined", "unreachable" };
		for (int i = 0; i < own.size(); i++) {
			HttpResponse<String> recorded = post("agent_gd_01", "/api/v1/tasks/" + own.get(i) + "/outcome",
					"{\"outcome\":\"" + outcomes[i % 4] + "\",\"notes\":\"回访\"}");
			assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
		}
		List<String> customers = this.jdbc.queryForList("""
				select customer_id from contact_task where campaign_id = ? and status = 'open' order by id limit 30""",
				String.class, this.managerCampaign);
		StringBuilder csv = new StringBuilder("customer_id,outcome,notes\n");
		customers.forEach(c -> csv.append(c).append(",accepted,电话回访接受优惠\n"));
		csv.append("NO-SUCH,accepted,\n").append(customers.get(0)).append(",maybe,\n");
		HttpResponse<String> imported = Http.api(this.port)
			.post("/api/v1/campaigns/" + this.managerCampaign + "/outcomes", "text/csv", csv.toString(),
					"Authorization", auth("head"));
		assertThat(imported.body()).as(imported.body()).contains("\"recorded\":" + customers.size());
		assertThat((List<?>) JsonPath.read(imported.body(), "$.rejected")).hasSize(2);
		assertThat(count("""
				select count(*) from event where event_type = 'contact' and subtype like 'retention_%'"""))
			.as("outcomes are contact events the features and the next training set see")
			.isEqualTo(own.size() + customers.size());

		this.clock.set(java.time.Instant.now());
		String report = get("analyst", "/api/v1/campaigns/" + this.managerCampaign + "/evaluation").body();
		assertThat(report).contains("\"complete\":true");
		Map<String, Object> effect = JsonPath.read(report, "$.overall.effect");
		long treated = ((Number) effect.get("treated")).longValue();
		long control = ((Number) effect.get("control")).longValue();
		assertThat(treated + control)
			.isEqualTo(count("select count(*) from campaign_member where campaign_id = ? and grp <> 'exempt'",
					this.managerCampaign));
		double uplift = ((Number) effect.get("uplift")).doubleValue();
		assertThat(uplift).isCloseTo(
				((Number) effect.get("treatedRate")).doubleValue() - ((Number) effect.get("controlRate")).doubleValue(),
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(((Number) effect.get("ciLow")).doubleValue()).isLessThanOrEqualTo(uplift);
		assertThat(((Number) effect.get("ciHigh")).doubleValue()).isGreaterThanOrEqualTo(uplift);
		assertThat(((Number) effect.get("pValue")).doubleValue()).isBetween(0.0, 1.0);
		assertThat(((Number) effect.get("treatedRate")).doubleValue()).as("some customers left in the window")
			.isLessThan(1.0);
		double cost = ((Number) JsonPath.read(report, "$.overall.roi.cost")).doubleValue();
		assertThat(cost).isCloseTo(this.jdbc.queryForObject(
				"select sum(cost) from contact_task where campaign_id = ? and status <> 'cancelled'", Double.class,
				this.managerCampaign), org.assertj.core.data.Offset.offset(0.01));
		double saved = ((Number) JsonPath.read(report, "$.overall.roi.savedCustomers")).doubleValue();
		assertThat(saved).isCloseTo(uplift * treated, org.assertj.core.data.Offset.offset(1e-6));
		for (String dimension : List.of("grade", "risk_band", "channel", "owner", "action")) {
			assertThat((List<?>) JsonPath.read(report, "$.by." + dimension)).as(dimension).isNotEmpty();
		}
		assertThat(report).contains("\"accepted\":").doesNotContain("\"name\":\"张");
	}

	@Test
	@Order(6)
	void everyStepIsAudited() {
		assertThat(this.jdbc.queryForList(
				"select action from audit_log where object_type = 'campaign' and object_id = ? and result = 'SUCCESS' order by id",
				String.class, Long.toString(this.managerCampaign)))
			.containsSubsequence("CAMPAIGN_CREATED", "CAMPAIGN_SUBMITTED", "CAMPAIGN_REJECTED", "CAMPAIGN_UPDATED",
					"CAMPAIGN_SUBMITTED", "CAMPAIGN_APPROVED", "CAMPAIGN_LAUNCHED", "CONTACT_OUTCOMES_IMPORTED");
		assertThat(this.jdbc.queryForList(
				"select action from audit_log where object_type = 'campaign' and object_id = ? and result = 'DENIED'",
				String.class, Long.toString(this.managerCampaign)))
			.contains("CAMPAIGN_APPROVED");
		assertThat(this.jdbc.queryForList("select distinct action from audit_log", String.class))
			.contains("CONTACT_OUTCOME_RECORDED", "CONTACT_LIST_ADDED", "CONTACT_PREFERENCE_CHANGED");
		assertThat(this.jdbc.queryForObject(
				"select details::text from audit_log where action = 'CAMPAIGN_LAUNCHED' and object_id = ? and result = 'SUCCESS'",
				String.class, Long.toString(this.managerCampaign)))
			.contains("\"control\"", "\"tasksIssued\"");
	}

	@Test
	@Order(7)
	void aLevelIWarningEnrolsItsCustomerIntoARunningTriggeredCampaign() throws Exception {
		this.clock.set(java.time.Instant.now());
		this.training
			.train(new ArchiveTrainingRequest(this.end, 90, 14, 30, 90, "churn-event", "lr", 0, 1, null, "analyst"));
		long triggered = id(post("head", "/api/v1/campaigns", """
				{"name":"一级预警即时挽留","kind":"triggered","filter":{},"action":"vip_callback","channel":"phone",
				 "costPerContact":20,"baselineRetention":0.7,"expectedUplift":0.1,"minControlShare":0.05}"""));
		post("head", "/api/v1/campaigns/" + triggered + "/submit", "");
		post("head2", approve(triggered), "{}");
		assertThat(post("head", launch(triggered), "").body()).contains("\"status\":\"running\"",
				"\"maxWarningLevel\":2");
		assertThat(post("head", "/api/v1/warnings/rules", """
				{"name":"two_complaints_now","expression":"complaints_30d >= 2.0","level":1,
				 "messageZh":"近30天投诉{complaints_30d}次","messageEn":"{complaints_30d} complaints","enabled":true}""")
			.statusCode()).isEqualTo(201);
		String customer = this.jdbc.queryForObject("""
				select c.customer_id from customer c where c.status = 'active'
				  and not exists (select 1 from warning w where w.customer_id = c.customer_id and w.status <> 'closed')
				  and not exists (select 1 from contact_task t where t.customer_id = c.customer_id)
				  and not exists (select 1 from contact_list l where l.customer_id = c.customer_id)
				order by c.customer_id limit 1""", String.class);
		// Before tomorrow in UTC, which is what the test clock's zone makes real-time
		// rescoring read up to.
		String now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).withNano(0).toString();
		String events = "[{\"event_id\":\"RET-1\",\"customer_id\":\"" + customer + "\",\"event_time\":\"" + now
				+ "\",\"event_type\":\"complaint\",\"subtype\":\"network\"},{\"event_id\":\"RET-2\",\"customer_id\":\""
				+ customer + "\",\"event_time\":\"" + now + "\",\"event_type\":\"complaint\",\"subtype\":\"billing\"}]";
		assertThat(post("head", "/api/v1/events", events).body()).contains("\"accepted\":2");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<Map<String, Object>> member = List.of();
		while (System.nanoTime() < deadline && member.isEmpty()) {
			member = this.jdbc.queryForList(
					"select grp, source from campaign_member where campaign_id = ? and customer_id = ?", triggered,
					customer);
			Thread.sleep(200);
		}
		assertThat(member).as("the warning enrolled its customer; warnings: "
				+ this.jdbc.queryForList("select level, cause, status from warning where customer_id = ?", customer)
				+ " publications: "
				+ this.jdbc.queryForList(
						"select listener_id, completion_date from event_publication " + "where serialized_event like ?",
						"%" + customer + "%"))
			.hasSize(1);
		assertThat(member.get(0).get("source").toString()).startsWith("warning:");
		String group = member.get(0).get("grp").toString();
		assertThat(count("select count(*) from contact_task where campaign_id = ? and status = 'open'", triggered))
			.isEqualTo(group.equals("control") ? 0 : 1);
		assertThat(this.jdbc.queryForList("select action from audit_log where object_id = ?", String.class,
				Long.toString(triggered)))
			.contains("CAMPAIGN_MEMBER_ENROLLED");
	}

	@Test
	@Order(8)
	void theConsoleDesignsApprovesAndReportsCampaignsInBothLanguages() {
		Http manager = Http.console(this.port);
		manager.login("manager_gd", this.passwords.get("manager_gd"));
		Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("name", "控制台创建的活动");
		form.put("kind", "batch");
		form.put("provinces", "广东");
		form.put("grades", "B");
		form.put("action", "callback");
		form.put("channel", "phone");
		form.put("costPerContact", "8");
		form.put("baselineRetention", "0.8");
		form.put("expectedUplift", "0.05");
		form.put("minControlShare", "0.05");
		form.put("observationDays", "60");
		HttpResponse<String> created = manager.postForm("/campaigns", "/campaigns", form);
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*/campaigns/(\\d+).*", "$1"));
		String page = manager.get("/campaigns/" + id).body();
		assertThat(page).contains("控制台创建的活动", "草稿", "id=\"campaign-preview\"", "submit-campaign")
			.doesNotContain("approve-campaign");
		assertThat(manager.postForm("/campaigns/" + id, "/campaigns/" + id + "/submit", Map.of()).statusCode())
			.isEqualTo(302);
		Http head = Http.console(this.port);
		head.login("head", this.passwords.get("head"));
		assertThat(head.get("/campaigns/" + id).body()).contains("待审批", "approve-campaign");
		head.postForm("/campaigns/" + id, "/campaigns/" + id + "/approve", Map.of("note", "同意"));
		assertThat(this.jdbc.queryForObject("select status from campaign where id = ?", String.class, id))
			.isEqualTo("scheduled");

		assertThat(head.get("/campaigns").body()).contains("广东客户回访", "全国关怀短信", "控制台创建的活动");
		String report = head.get("/campaigns/" + this.managerCampaign + "/report").body();
		assertThat(report).contains("效果评估", "干预组留存率", "retention-chart-data", "report-channel", "按渠道")
			.doesNotContain("report-provisional");
		assertThat(head.get("/campaigns/" + this.managerCampaign + "/report?lang=en").body())
			.contains("Treated retention", "By channel");
		assertThat(head.get("/campaigns/" + this.managerCampaign).body()).contains("campaign-split", "campaign-groups");
		assertThat(head.get("/contact-lists").body()).contains(this.blackListed.get(0));

		assertThat(head.get("/playbooks").body()).contains("投诉客户安抚回访");
		Map<String, String> playbook = new java.util.LinkedHashMap<>();
		playbook.put("name", "宽带提速关怀");
		playbook.put("churnReason", "usage_data_30d_change");
		playbook.put("grade", "*");
		playbook.put("action", "speed_upgrade");
		playbook.put("channel", "sms");
		playbook.put("cost", "0.1");
		playbook.put("scriptZh", "免费提速一个月");
		playbook.put("scriptEn", "A free speed upgrade for a month");
		playbook.put("ownerRole", "AGENT");
		playbook.put("enabled", "true");
		head.postForm("/playbooks", "/playbooks", playbook);
		assertThat(head.get("/playbooks").body()).contains("宽带提速关怀");
		assertThat(this.jdbc.queryForList("select action from audit_log where object_type = 'playbook'", String.class))
			.contains("PLAYBOOK_CREATED");

		Http agent = Http.console(this.port);
		agent.login("agent_gd_01", this.passwords.get("agent_gd_01"));
		String tasks = agent.get("/tasks?status=done").body();
		assertThat(tasks).contains("广东客户回访", "接受优惠");
		assertThat(agent.get("/campaigns").statusCode()).as("agents work tasks, not campaigns").isEqualTo(403);
	}

	@Test
	@Order(9)
	void warningsGetPlaybookSuggestionsAndTheWarningEvaluationCountsTreatedCustomersApart() {
		String warned = this.jdbc.queryForObject("""
				select w.customer_id from warning w join campaign_member m on m.customer_id = w.customer_id
				where w.status <> 'closed' and m.campaign_id = ? order by w.customer_id limit 1""", String.class,
				this.managerCampaign);
		String suggestions = get("head", "/api/v1/playbooks/suggestions?customerId=" + warned).body();
		assertThat((List<?>) JsonPath.read(suggestions, "$")).as(suggestions).isNotEmpty();
		assertThat(suggestions).contains("\"playbook\"", "\"warningId\"");
		String elsewhere = this.jdbc.queryForObject(
				"select customer_id from customer where province = '河南' order by customer_id limit 1", String.class);
		assertThat(get("agent_gd_02", "/api/v1/playbooks/suggestions?customerId=" + elsewhere).statusCode())
			.as("a customer outside the caller's scope is not found")
			.isEqualTo(404);
		Http console = Http.console(this.port);
		console.login("head", this.passwords.get("head"));
		assertThat(console.get("/customers/" + warned).body()).contains("customer-retention", "suggested-playbooks",
				"广东客户回访");

		String evaluation = get("head", "/api/v1/warnings/evaluation?from=" + this.launchDay.minusDays(1) + "&to="
				+ this.launchDay.plusDays(1) + "&horizonDays=90")
			.body();
		Number treated = JsonPath.read(evaluation, "$.treatedWarned");
		assertThat(treated.longValue()).as("warned customers the campaigns treated are counted: " + evaluation)
			.isPositive();
		assertThat((List<?>) JsonPath.read(evaluation, "$.levels[*].untreatedPrecision")).isNotEmpty();
	}

	@Test
	@Order(10)
	void inABrowserTheHeadApprovesACampaignAndReadsItsReportWithCharts() throws Exception {
		long id = id(post("manager_gd", "/api/v1/campaigns", """
				{"name":"浏览器审批的活动","kind":"batch","filter":{"provinces":["广东"],"grades":["A"]},
				 "action":"vip_callback","channel":"visit","costPerContact":80}"""));
		post("manager_gd", "/api/v1/campaigns/" + id + "/submit", "");
		try (io.churnguard.app.support.Browser browser = io.churnguard.app.support.Browser.open(this.port)) {
			browser.signIn("head", this.passwords.get("head"));
			browser.go("/campaigns");
			assertThat(browser.find("main h1").getText()).isEqualTo("营销活动");
			browser.clickLink("浏览器审批的活动");
			assertThat(browser.find("#campaign-status").getText()).isEqualTo("待审批");
			browser.type("#approve-note", "同意，注意成本");
			browser.click("#approve-campaign");
			assertThat(browser.find(".alert.ok").getText()).contains("已批准");
			assertThat(browser.find("#campaign-status").getText()).isEqualTo("已批准待启动");

			browser.go("/campaigns/" + this.managerCampaign + "/report");
			assertThat(browser.find("main h1").getText()).contains("效果评估", "广东客户回访");
			assertThat(browser.find("#chart-all canvas").isDisplayed()).as("ECharts drew the retention chart").isTrue();
			assertThat(browser.find("#chart-channel canvas").isDisplayed()).isTrue();
			assertThat(browser.text()).contains("干预组留存率", "对照组留存率", "95% 置信区间").doesNotContain("??");
		}
		assertThat(this.jdbc.queryForObject("select decided_by from campaign where id = ?", String.class, id))
			.isEqualTo("head");
	}

	private long tasks(long campaign) {
		return count("select count(*) from contact_task where campaign_id = ?", campaign);
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private static String launch(long id) {
		return "/api/v1/campaigns/" + id + "/launch";
	}

	private static String approve(long id) {
		return "/api/v1/campaigns/" + id + "/approve";
	}

	private static long id(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ((Number) JsonPath.read(response.body(), "$.id")).longValue();
	}

	private static String json(List<String> values) {
		return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

	private String auth(String user) {
		return Http.basic(user, this.passwords.get(user));
	}

	private HttpResponse<String> get(String user, String path) {
		return Http.api(this.port).get(path, "Authorization", auth(user));
	}

	private HttpResponse<String> post(String user, String path, String json) {
		return Http.api(this.port).postJson(path, json, "Authorization", auth(user));
	}

	private HttpResponse<String> put(String user, String path, String json) {
		return Http.api(this.port).putJson(path, json, "Authorization", auth(user));
	}

	private void load(ImportKind kind, Path file) {
		TestCompany.load(this.imports, kind, file);
	}

	private void user(String username, String role, String region, String team) {
		this.passwords.put(username,
				TestCompany.user(Http.api(this.port), this.adminPassword, username, role, region, team));
	}

}
