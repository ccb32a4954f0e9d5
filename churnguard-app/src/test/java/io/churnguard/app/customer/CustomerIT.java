package io.churnguard.app.customer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.support.Browser;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.TestCompany;
import io.churnguard.app.support.MutableClock;
import io.churnguard.app.support.SampleFiles;
import io.churnguard.app.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which customer, and how much of them: scopes in every customer endpoint and
 * page, masking by default, audited unmasking, validated writes, audited exports, and
 * grading. Sample customers S00001… belong to agent_(n % 3) in 北京 (n % 3 = 1), 上海 (2) or
 * 广东 (0).
 */
@ChurnGuardIT
class CustomerIT {

	private static final Map<String, String> PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Autowired
	Imports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CustomerDirectory directory;

	@Autowired
	MutableClock clock;

	Http api;

	@BeforeEach
	void setUp() {
		this.api = Http.api(this.port);
		synchronized (PASSWORDS) {
			if (PASSWORDS.isEmpty()) {
				Path dir = TestWorkspace.newDirectory();
				this.imports.run(new ImportRequest(ImportKind.CUSTOMERS,
						SampleFiles.customers(dir.resolve("c.csv"), "S", 12, StandardCharsets.UTF_8), null, null, null,
						"test", ImportChannel.CLI), null);
				this.imports
					.run(new ImportRequest(ImportKind.EVENTS, SampleFiles.events(dir.resolve("e.csv"), "S", 12, 5),
							null, null, null, "test", ImportChannel.CLI), null);
				user("agent_0", "AGENT", null, null);
				user("agent_1", "AGENT", null, null);
				user("mgr.gd", "SALES_MANAGER", "广东", "华南一组");
				user("mgr.none", "SALES_MANAGER", null, null);
				user("svc.hb", "SERVICE_MANAGER", "广东", "华北一组");
				user("analyst.c", "ANALYST", null, null);
				user("auditor.c", "AUDITOR", null, null);
				user("head.c", "RETENTION_HEAD", null, null);
			}
		}
	}

	@Test
	void anAgentSeesOnlyTheirOwnCustomersInListsAndThe360() {
		HttpResponse<String> list = get("agent_0", "/api/v1/customers?size=500");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"customerId\":\"S00003\"").doesNotContain("\"customerId\":\"S00001\"");
		assertThat(list.body().split("\"owner\":\"").length - 1)
			.isEqualTo(list.body().split("\"owner\":\"agent_0\"").length - 1);

		long own = this.jdbc
			.queryForObject("select count(*) from customer where owner = 'agent_0' and status = 'active'", Long.class);
		assertThat(get("agent_0", "/api/v1/customers/S00003").statusCode()).isEqualTo(200);
		assertThat(get("agent_0", "/api/v1/customers/S00001").statusCode()).as("another agent's customer")
			.isEqualTo(404);
		Http console = console("agent_0");
		assertThat(console.get("/customers/S00003").statusCode()).isEqualTo(200);
		assertThat(console.get("/customers/S00001").statusCode()).isEqualTo(404);
		assertThat(console.get("/customers").body()).contains("S00003").doesNotContain("S00001");
		assertThat(console.get("/").body()).as("the overview counts the agent's customers only")
			.contains("在网客户", "A/B 级在网客户", "<span class=\"tile-value\">" + own + "</span>");
	}

	@Test
	void anAgentCannotWidenTheirScopeWithFilters() {
		assertThat(get("agent_0", "/api/v1/customers?owner=agent_1").body()).contains("\"total\":0");
		assertThat(get("agent_0", "/api/v1/customers?q=S00001").body()).contains("\"total\":0");
		assertThat(get("agent_0", "/api/v1/customers/export.csv?owner=agent_1").body()).doesNotContain("S000");
		assertThat(console("agent_0").get("/customers?owner=agent_1").body()).doesNotContain("S00001");
		assertThat(get("agent_0", "/api/v1/customers/S00001?unmasked=true").statusCode())
			.as("unmasking does not open another's customer")
			.isEqualTo(404);
		assertThat(audit("CUSTOMER_VIEW_UNMASKED", "S00001")).doesNotContain("agent_0|SUCCESS");
	}

	@Test
	void aSalesManagerSeesTheirRegionAndTeamOnly() {
		assertThat(get("mgr.gd", "/api/v1/customers/S00003").statusCode()).isEqualTo(200);
		assertThat(get("mgr.gd", "/api/v1/customers/S00001").statusCode()).isEqualTo(404);
		String list = get("mgr.gd", "/api/v1/customers?size=500").body();
		assertThat(list).contains("\"province\":\"广东\"")
			.doesNotContain("\"province\":\"北京\"")
			.doesNotContain("\"province\":\"上海\"");
		assertThat(get("mgr.gd", "/api/v1/customers/export.csv").body()).contains("S00003").doesNotContain("S00001");
		Http console = console("mgr.gd");
		assertThat(console.get("/customers/S00003").statusCode()).isEqualTo(200);
		assertThat(console.get("/customers/S00001").statusCode()).isEqualTo(404);
		assertThat(console.get("/customers").body()).contains("S00003").doesNotContain("S00001");
		assertThat(get("mgr.none", "/api/v1/customers").body()).as("a manager without region or team sees nobody")
			.contains("\"total\":0");
	}

	@Test
	void aServiceManagerSeesTheirTeamAndAuditorsNoCustomersAtAll() {
		assertThat(get("svc.hb", "/api/v1/customers/S00001").statusCode()).as("北京, 华北一组").isEqualTo(200);
		assertThat(get("svc.hb", "/api/v1/customers/S00003").statusCode()).as("广东, 华南一组").isEqualTo(404);
		assertThat(console("svc.hb").get("/customers/S00003").statusCode()).isEqualTo(404);

		assertThat(get("auditor.c", "/api/v1/customers").statusCode()).isEqualTo(403);
		assertThat(get("auditor.c", "/api/v1/customers/S00003").statusCode()).isEqualTo(403);
		assertThat(get("auditor.c", "/api/v1/customers/export.csv").statusCode()).isEqualTo(403);
		assertThat(console("auditor.c").get("/customers/S00003").statusCode()).isEqualTo(403);
	}

	@Test
	void personalFieldsAreMaskedInJsonAndHtmlUnlessAnAllowedRoleAsksAndThatIsAudited() {
		String phone = this.jdbc.queryForObject("select phone from customer where customer_id = 'S00003'",
				String.class);
		String name = this.jdbc.queryForObject("select name from customer where customer_id = 'S00003'", String.class);
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		assertThat(get("agent_0", "/api/v1/customers/S00003").body())
			.contains("\"phone\":\"" + masked + "\"", "\"name\":\"" + name.charAt(0) + "*\"", "\"masked\":true")
			.doesNotContain(phone);
		assertThat(console("agent_0").get("/customers/S00003").body()).contains(masked, name.charAt(0) + "*")
			.doesNotContain(phone);

		HttpResponse<String> unmasked = get("agent_0", "/api/v1/customers/S00003?unmasked=true");
		assertThat(unmasked.body()).contains("\"phone\":\"" + phone + "\"", "\"name\":\"" + name + "\"");
		assertThat(audit("CUSTOMER_VIEW_UNMASKED", "S00003")).contains("agent_0|SUCCESS");

		assertThat(get("analyst.c", "/api/v1/customers/S00003?unmasked=true").statusCode()).isEqualTo(403);
		assertThat(audit("CUSTOMER_VIEW_UNMASKED", "S00003")).contains("analyst.c|DENIED");
		assertThat(get("analyst.c", "/api/v1/customers/S00003").body()).contains("\"phone\":\"" + masked + "\"");
		assertThat(console("analyst.c").get("/customers/S00003?unmasked=true").statusCode()).isEqualTo(403);
		assertThat(console("analyst.c").get("/customers/S00003").body()).contains(masked)
			.doesNotContain(phone)
			.doesNotContain("id=\"unmask\"");

		assertThat(get("head.c", "/api/v1/customers?q=" + phone).body()).as("lists are masked for everyone")
			.contains("\"customerId\":\"S00003\"", "\"phone\":\"" + masked + "\"")
			.doesNotContain(phone);
		assertThat(get("admin", "/api/v1/customers/S00003?unmasked=true").statusCode())
			.as("administrators see no personal data")
			.isEqualTo(403);
	}

	@Test
	void writingACustomerIsValidatedLikeAnImportAndAudited() {
		HttpResponse<String> bad = put("head.c", "/api/v1/customers/P001",
				"{\"name\":\"\",\"phone\":\"12\",\"join_date\":\"2024-02-30\",\"value_grade\":\"Z\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"name\"", "\"field\":\"phone\"", "\"field\":\"join_date\"",
				"\"field\":\"value_grade\"");

		HttpResponse<String> created = put("head.c", "/api/v1/customers/P001",
				"{\"name\":\"孙悟空\",\"phone\":\"13911112222\",\"join_date\":\"2024-02-01\",\"province\":\"广东\","
						+ "\"team\":\"华南一组\",\"owner\":\"agent_0\",\"monthly_fee\":88}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"name\":\"孙**\"");
		assertThat(
				put("head.c", "/api/v1/customers/P001",
						"{\"name\":\"孙悟空\",\"phone\":\"13911112222\",\"join_date\":\"2024-02-01\",\"province\":\"广东\","
								+ "\"team\":\"华南一组\",\"owner\":\"agent_0\",\"monthly_fee\":99}")
					.statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select monthly_fee::text from customer where customer_id = 'P001'",
				String.class))
			.isEqualTo("99.00");
		assertThat(audit("CUSTOMER_CREATED", "P001")).contains("head.c|SUCCESS");
		assertThat(audit("CUSTOMER_UPDATED", "P001")).contains("head.c|SUCCESS");
		assertThat(
				put("agent_0", "/api/v1/customers/P001", "{\"name\":\"x\",\"join_date\":\"2024-02-01\"}").statusCode())
			.isEqualTo(403);
		assertThat(put("mgr.gd", "/api/v1/customers/P001",
				"{\"name\":\"孙悟空\",\"join_date\":\"2024-02-01\",\"province\":\"北京\",\"team\":\"华北一组\"}")
			.statusCode()).as("a manager may not move a customer out of their scope").isEqualTo(403);
		assertThat(
				put("mgr.gd", "/api/v1/customers/S00001", "{\"name\":\"x\",\"join_date\":\"2024-02-01\"}").statusCode())
			.as("another region's customer is not there")
			.isEqualTo(404);
		assertThat(put("mgr.gd", "/api/v1/customers/P001",
				"{\"name\":\"孙悟空\",\"join_date\":\"2024-02-01\",\"province\":\"广东\",\"team\":\"华南一组\","
						+ "\"monthly_fee\":100}")
			.statusCode()).as("within their scope").isEqualTo(200);
	}

	@Test
	void aPutNamesMisspeltFieldsAndAMismatchedId() {
		HttpResponse<String> typo = put("head.c", "/api/v1/customers/P002",
				"{\"name\":\"唐僧\",\"join_date\":\"2024-02-01\",\"phon\":\"13911112222\"}");
		assertThat(typo.statusCode()).isEqualTo(400);
		assertThat(typo.body()).contains("\"field\":\"phon\"", "not a customer field");
		HttpResponse<String> missing = put("head.c", "/api/v1/customers/P002", "{\"name\":\"唐僧\"}");
		assertThat(missing.body()).contains("{\"field\":\"join_date\",\"reason\":\"is required\"}");
		HttpResponse<String> otherId = put("head.c", "/api/v1/customers/P002",
				"{\"customer_id\":\"P003\",\"name\":\"唐僧\",\"join_date\":\"2024-02-01\"}");
		assertThat(otherId.statusCode()).isEqualTo(400);
		assertThat(otherId.body()).contains("\"field\":\"customer_id\"");
		assertThat(this.jdbc.queryForObject("select count(*) from customer where customer_id in ('P002', 'P003')",
				Integer.class))
			.isZero();
	}

	@Test
	void aPutReplacesTheRecordAndItsAttributesButKeepsTheComputedGrade() {
		this.directory.declareAttribute("vip_level", AttributeType.NUMBER);
		this.directory.declareAttribute("wechat_bound", AttributeType.BOOLEAN);
		assertThat(
				put("head.c", "/api/v1/customers/P004",
						"{\"name\":\"沙和尚\",\"join_date\":\"2023-05-01\",\"email\":\"sha@example.com\","
								+ "\"attributes\":{\"vip_level\":3,\"wechat_bound\":true}}")
					.statusCode())
			.isEqualTo(201);
		this.jdbc.update("update customer set value_grade = 'B' where customer_id = 'P004'");

		HttpResponse<String> replaced = put("head.c", "/api/v1/customers/P004",
				"{\"name\":\"沙和尚\",\"join_date\":\"2023-05-01\",\"attributes\":{\"vip_level\":4}}");
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForMap("""
				select email, value_grade, (attributes ->> 'vip_level')::numeric::int as vip,
				       (select string_agg(k, ',') from jsonb_object_keys(attributes) k) as attributes
				from customer where customer_id = 'P004'""")).containsEntry("email", null)
			.containsEntry("vip", 4)
			.containsEntry("attributes", "vip_level")
			.containsEntry("value_grade", "B");
		assertThat(put("head.c", "/api/v1/customers/P004",
				"{\"name\":\"沙和尚\",\"join_date\":\"2023-05-01\",\"value_grade\":\"A\"}")
			.statusCode()).isEqualTo(200);
		assertThat(grade("P004")).as("a grade given in the request is the source's grade").isEqualTo("A");
	}

	@Test
	void exportsAreMaskedScopedAndAudited() {
		String csv = get("agent_0", "/api/v1/customers/export.csv").body();
		assertThat(csv).contains("S00003").doesNotContain("S00001").containsPattern("1\\d\\d\\*\\*\\*\\*\\d{4}");
		assertThat(get("agent_0", "/api/v1/customers/export.csv?unmasked=true").statusCode()).isEqualTo(403);
		String full = get("head.c", "/api/v1/customers/export.csv?unmasked=true").body();
		String phone = this.jdbc.queryForObject("select phone from customer where customer_id = 'S00001'",
				String.class);
		assertThat(full).contains(phone);
		assertThat(this.jdbc.queryForList(
				"select actor || '|' || result || '|' || details from audit_log where action = 'CUSTOMER_EXPORT'",
				String.class))
			.anySatisfy(row -> assertThat(row).startsWith("head.c|SUCCESS").contains("\"unmasked\":true"))
			.anySatisfy(row -> assertThat(row).startsWith("agent_0|DENIED"));
	}

	@Test
	void gradingAssignsGradesFromSpendRecordsHistoryAndReportsByProvince() {
		put("head.c", "/api/v1/customers/GR1", "{\"name\":\"钱多多\",\"join_date\":\"2023-01-01\",\"province\":\"浙江\","
				+ "\"monthly_fee\":50,\"group_account\":false}");
		put("head.c", "/api/v1/customers/GR2",
				"{\"name\":\"李中中\",\"join_date\":\"2025-06-01\",\"province\":\"浙江\"," + "\"monthly_fee\":50}");
		put("head.c", "/api/v1/customers/GR3", "{\"name\":\"赵少少\",\"join_date\":\"2025-06-01\",\"province\":\"浙江\"}");
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
		StringBuilder events = new StringBuilder("[");
		for (int month = 1; month <= 2; month++) {
			events.append(month > 1 ? "," : "")
				.append(bill("GR1-" + month, "GR1", now.minusDays(month * 20L), 350))
				.append(',')
				.append(bill("GR2-" + month, "GR2", now.minusDays(month * 20L), 120));
		}
		String admin = Http.basic("admin", this.adminPassword);
		assertThat(this.api.postJson("/api/v1/events", events.append(']').toString(), "Authorization", admin).body())
			.contains("\"accepted\":4");

		HttpResponse<String> run = this.api.postJson("/api/v1/grading/runs", "", "Authorization",
				Http.basic("head.c", PASSWORDS.get("head.c")));
		assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
		assertThat(grade("GR1")).isEqualTo("A");
		assertThat(grade("GR2")).isEqualTo("C");
		assertThat(grade("GR3")).isEqualTo("E");
		assertThat(this.jdbc.queryForObject("select reason from customer_grade_history where customer_id = 'GR1'",
				String.class))
			.contains("300");
		String id = run.body().replaceAll("^\\{\"id\":(\\d+).*", "$1");
		String report = get("head.c", "/api/v1/grading/runs/" + id + "/report").body();
		assertThat(report).contains("\"浙江\"");
		assertThat(console("head.c").get("/customers/grading").body()).contains("浙江", "钻石");
	}

	@Test
	void theConsole360ShowsMaskedDataUntilTheAgentAsksForTheFullDetails() throws Exception {
		String phone = this.jdbc.queryForObject("select phone from customer where customer_id = 'S00006'",
				String.class);
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn("agent_0", PASSWORDS.get("agent_0"));
			browser.go("/customers/S00006");
			assertThat(browser.find("#customer-phone").getText()).matches("\\d{3}\\*{4}\\d{4}");
			assertThat(browser.text()).contains("行为时间线", "行为特征");
			browser.click("#unmask");
			assertThat(browser.find("#customer-phone").getText()).isEqualTo(phone);
			assertThat(browser.text()).contains("审计日志");
		}
	}

	private String grade(String customerId) {
		return this.jdbc.queryForObject("select value_grade from customer where customer_id = ?", String.class,
				customerId);
	}

	private static String bill(String id, String customer, LocalDateTime time, double amount) {
		return "{\"event_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"event_time\":\"" + time.withNano(0)
				+ "\",\"event_type\":\"bill\",\"subtype\":\"monthly\",\"amount\":" + amount + "}";
	}

	private List<String> audit(String action, String objectId) {
		return this.jdbc.queryForList("select actor || '|' || result from audit_log where action = ? and object_id = ?",
				String.class, action, objectId);
	}

	private HttpResponse<String> get(String user, String path) {
		return this.api.get(path, "Authorization", Http.basic(user, password(user)));
	}

	private String password(String user) {
		return user.equals("admin") ? this.adminPassword : PASSWORDS.get(user);
	}

	private HttpResponse<String> put(String user, String path, String json) {
		return this.api.putJson(path, json, "Authorization", Http.basic(user, PASSWORDS.get(user)));
	}

	private Http console(String user) {
		Http console = Http.console(this.port);
		console.login(user, PASSWORDS.get(user));
		return console;
	}

	private void user(String username, String role, String region, String team) {
		PASSWORDS.put(username, TestCompany.user(this.api, this.adminPassword, username, role, region, team));
	}

}
