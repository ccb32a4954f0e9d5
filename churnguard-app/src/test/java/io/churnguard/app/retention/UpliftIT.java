package io.churnguard.app.retention;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.scoring.ArchiveTraining;
import io.churnguard.app.scoring.ArchiveTrainingRequest;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.CliRun;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.MutableClock;
import io.churnguard.app.support.TestCompany;
import io.churnguard.app.support.TestWorkspace;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.RetentionAction;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.Simulator;
import io.churnguard.ml.sim.Treatment;
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
 * Uplift on a simulated company, as a retention team would use it: a randomized callback
 * campaign runs on every active customer, its treatments are fed back into the simulator
 * for three more months, and once its observation window has ended an uplift model is
 * trained from it through the API. The model plans a new draft campaign for a budget —
 * contacts within the budget, the customers not to contact, risk targeting alongside —
 * and the plan, applied, is the list the campaign launches with, the contact policies and
 * the control group still in force.
 */
@ChurnGuardIT(properties = "churnguard.test.context=uplift")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpliftIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final double BUDGET = 3000;

	@Autowired
	Imports imports;

	@Autowired
	ArchiveTraining training;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Value("${churnguard.data-dir}")
	String dataDir;

	final Map<String, String> passwords = new HashMap<>();

	LocalDate launchDay;

	long pastCampaign;

	String modelId;

	long draft;

	long planId;

	Set<String> planned = new HashSet<>();

	List<String> doNotContact;

	@BeforeAll
	void runACampaignAndFeedItsTreatmentsBack() throws Exception {
		this.launchDay = LocalDate.now(ZONE).minusMonths(4);
		Path sim = TestWorkspace.newDirectory();
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 3000, 6, 31).withStartDate(this.launchDay.minusMonths(6)),
				sim);
		load(ImportKind.CUSTOMERS, sim.resolve("customers.csv"));
		load(ImportKind.EVENTS, sim.resolve("events.csv"));
		user("head", "RETENTION_HEAD", null, null);
		user("analyst", "ANALYST", null, null);
		user("manager_gd", "SALES_MANAGER", "广东", null);
		this.training.train(new ArchiveTrainingRequest(this.launchDay.minusDays(1), 60, 14, 30, 60, "churn-event", "lr",
				0, 0, null, "analyst"));

		this.clock.set(this.launchDay.atTime(9, 0).atZone(ZONE).toInstant());
		this.pastCampaign = id(post("head", "/api/v1/campaigns", """
				{"name":"全体客户关怀回访","kind":"batch","action":"callback","channel":"phone","costPerContact":12,
				 "baselineRetention":0.9,"expectedUplift":0.01,"minControlShare":0.5,"observationDays":90}"""));
		post("head", "/api/v1/campaigns/" + this.pastCampaign + "/submit", "");
		assertThat(post("head", "/api/v1/campaigns/" + this.pastCampaign + "/approve", "{}").statusCode())
			.as("the only head approves their own campaign")
			.isEqualTo(200);
		assertThat(post("head", "/api/v1/campaigns/" + this.pastCampaign + "/launch", "").statusCode()).isEqualTo(200);

		List<Treatment> treatments = this.jdbc
			.queryForList("select customer_id from campaign_member where campaign_id = ? and grp = 'treatment'",
					String.class, this.pastCampaign)
			.stream()
			.map(id -> new Treatment(id, RetentionAction.CALLBACK, this.launchDay))
			.toList();
		assertThat(treatments).hasSizeGreaterThan(1000);
		Path after = TestWorkspace.newDirectory().resolve("after");
		Simulator.continueFrom(sim, 3, treatments, after);
		// The three months have passed: their events are no longer in the future.
		this.clock.set(this.launchDay.plusDays(95).atTime(10, 0).atZone(ZONE).toInstant());
		load(ImportKind.CUSTOMERS, after.resolve("customers.csv"));
		load(ImportKind.EVENTS, after.resolve("events.csv"));
	}

	@Test
	@Order(1)
	void upliftIsLearnedOnlyFromFinishedCampaignsWhoseWindowHasEnded() {
		String body = "{\"campaignIds\":[" + this.pastCampaign + "]}";
		assertThat(post("analyst", "/api/v1/uplift-models", body).statusCode()).as("the campaign is still running")
			.isEqualTo(409);
		java.time.Instant now = this.clock.instant();
		this.clock.set(this.launchDay.plusDays(10).atTime(10, 0).atZone(ZONE).toInstant());
		assertThat(post("head", "/api/v1/campaigns/" + this.pastCampaign + "/finish", "").statusCode()).isEqualTo(200);
		assertThat(post("analyst", "/api/v1/uplift-models", body).statusCode())
			.as("the 90-day observation window has not ended")
			.isEqualTo(409);
		this.clock.set(now);
		assertThat(post("manager_gd", "/api/v1/uplift-models", body).statusCode())
			.as("managers do not train uplift models")
			.isEqualTo(403);
	}

	@Test
	@Order(2)
	void anAnalystTrainsAnXLearnerAndSeesItsQiniAndAuucOnHeldOutMembers() {
		HttpResponse<String> trained = post("analyst", "/api/v1/uplift-models",
				"{\"campaignIds\":[" + this.pastCampaign + "],\"learner\":\"x\"}");
		assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
		this.modelId = JsonPath.read(trained.body(), "$.model.id");
		assertThat(this.modelId).startsWith("up-");
		assertThat((String) JsonPath.read(trained.body(), "$.model.learner")).isEqualTo("X_LEARNER");
		assertThat((List<String>) JsonPath.read(trained.body(), "$.model.actions")).containsExactly("callback");
		long members = this.jdbc.queryForObject(
				"select count(*) from campaign_member where campaign_id = ? and grp <> 'exempt'", Long.class,
				this.pastCampaign);
		int rows = JsonPath.read(trained.body(), "$.model.rows");
		int holdout = JsonPath.read(trained.body(), "$.model.holdoutRows");
		assertThat(rows + holdout).isEqualTo((int) members);
		assertThat((double) holdout / members).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));

		String detail = get("analyst", "/api/v1/uplift-models/" + this.modelId).body();
		List<Double> share = JsonPath.read(detail, "$.evaluation[0].curve.share");
		List<Double> qini = JsonPath.read(detail, "$.evaluation[0].curve.qini");
		assertThat(share).hasSize(101).startsWith(0.0).endsWith(1.0);
		double average = ((Number) JsonPath.read(detail, "$.evaluation[0].averageUplift")).doubleValue();
		assertThat(qini.get(100)).as("the Qini curve ends at the held-out average uplift")
			.isCloseTo(average, org.assertj.core.data.Offset.offset(1e-5));
		double auuc = ((Number) JsonPath.read(detail, "$.evaluation[0].auuc")).doubleValue();
		double randomAuuc = ((Number) JsonPath.read(detail, "$.evaluation[0].randomAuuc")).doubleValue();
		double coefficient = ((Number) JsonPath.read(detail, "$.evaluation[0].qiniCoefficient")).doubleValue();
		System.err.printf("uplift model %s: Qini %.5f, AUUC %.5f (random %.5f), held-out uplift %.4f%n", this.modelId,
				coefficient, auuc, randomAuuc, average);
		assertThat(Double.isFinite(coefficient) && Double.isFinite(auuc)).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from uplift_model_file where model_id = ? and name like 'booster-%.ubj'", Long.class,
				this.modelId))
			.as("four XGBoost boosters: two outcome models, two effect regressors")
			.isEqualTo(4);
		assertThat(audit("UPLIFT_MODEL_TRAINED", "analyst")).isEqualTo(1);
		assertThat(audit("UPLIFT_MODEL_TRAINED", "manager_gd")).as("the refusal is audited too").isEqualTo(1);
		assertThat(get("analyst", "/api/v1/uplift-models").body()).contains(this.modelId);
	}

	@Test
	@Order(3)
	void aPlanSpendsTheBudgetOnTheMostSavedValueNamesWhomNotToContactAndBeatsNothingItCannotMeasure() {
		this.draft = id(post("head", "/api/v1/campaigns", """
				{"name":"增量模型定向回访","kind":"batch","action":"callback","channel":"phone","costPerContact":12,
				 "baselineRetention":0.9,"expectedUplift":0.02,"minControlShare":0.2,"observationDays":90}"""));
		assertThat(
				post("manager_gd", "/api/v1/campaigns/" + this.draft + "/targeting", "{\"budget\":3000}").statusCode())
			.as("a manager who is not the author does not plan another's campaign")
			.isEqualTo(403);
		HttpResponse<String> planned = post("analyst", "/api/v1/campaigns/" + this.draft + "/targeting",
				"{\"budget\":" + BUDGET + "}");
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
		String plan = planned.body();
		this.planId = ((Number) JsonPath.read(plan, "$.planId")).longValue();
		double cost = ((Number) JsonPath.read(plan, "$.summary.uplift.cost")).doubleValue();
		double riskCost = ((Number) JsonPath.read(plan, "$.summary.risk.cost")).doubleValue();
		int contacts = JsonPath.read(plan, "$.summary.uplift.contacts");
		assertThat(cost).isPositive().isLessThanOrEqualTo(BUDGET);
		assertThat(riskCost).isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET - 12);
		assertThat(contacts).isPositive().isEqualTo(((List<?>) JsonPath.read(plan, "$.contacts")).size());
		assertThat((String) JsonPath.read(plan, "$.summary.churnProbability")).startsWith("champion churn model");
		List<String> contacted = JsonPath.read(plan, "$.contacts[*].customerId");
		this.planned.addAll(contacted);
		this.doNotContact = JsonPath.read(plan, "$.doNotContact[*].customerId");
		List<Double> harm = JsonPath.read(plan, "$.doNotContact[*].bestUplift");
		assertThat(this.doNotContact).as("some customers are estimated to leave sooner when called").isNotEmpty();
		assertThat(harm).allMatch(u -> u < 0);
		assertThat(this.planned).doesNotContainAnyElementsOf(this.doNotContact);
		List<Double> net = JsonPath.read(plan, "$.contacts[*].expectedNetValue");
		assertThat(net).allMatch(v -> v > 0);
		double upliftSaved = ((Number) JsonPath.read(plan, "$.summary.uplift.expectedSavedValue")).doubleValue();
		double riskSaved = ((Number) JsonPath.read(plan, "$.summary.risk.expectedSavedValue")).doubleValue();
		double upliftCustomers = ((Number) JsonPath.read(plan, "$.summary.uplift.expectedSavedCustomers"))
			.doubleValue();
		double riskCustomers = ((Number) JsonPath.read(plan, "$.summary.risk.expectedSavedCustomers")).doubleValue();
		System.err.printf(
				"plan %d for %.0f: uplift %d contacts, %.1f saved, %.0f value; risk %.1f saved, %.0f value; %d not to contact; %s%n",
				this.planId, BUDGET, contacts, upliftCustomers, upliftSaved, riskCustomers, riskSaved,
				this.doNotContact.size(), JsonPath.read(plan, "$.summary.averageEstimatedUplift").toString());
		double upliftNet = ((Number) JsonPath.read(plan, "$.summary.uplift.expectedNetValue")).doubleValue();
		double riskNet = ((Number) JsonPath.read(plan, "$.summary.risk.expectedNetValue")).doubleValue();
		assertThat(upliftNet).as("by the same estimates, the uplift plan's net value is at least risk targeting's")
			.isGreaterThanOrEqualTo(riskNet);
		assertThat(audit("CAMPAIGN_TARGETING_PLANNED", "analyst")).isEqualTo(1);
	}

	@Test
	@Order(4)
	void theConsoleShowsTheQiniCurveAndPlansFromTheCampaignPage() {
		Http console = Http.console(this.port);
		assertThat(console.login("head", this.passwords.get("head")).statusCode()).isEqualTo(302);
		String models = console.get("/uplift-models").body();
		assertThat(models).contains(this.modelId, "id=\"qini-chart-data\"", "class=\"chart qini-chart\"",
				"uplift-train-form");
		HttpResponse<String> planned = console.postForm("/campaigns/" + this.draft,
				"/campaigns/" + this.draft + "/targeting", Map.of("budget", "1200", "upliftModelId", this.modelId));
		assertThat(planned.statusCode()).isEqualTo(302);
		String page = console.get("/campaigns/" + this.draft).body();
		assertThat(page).contains("targeting-comparison", "targeting-apply", "¥1,200").doesNotContain("campaign-error");
		assertThat(Http.console(this.port).get("/uplift-models").statusCode()).as("signed out").isEqualTo(302);
	}

	@Test
	@Order(5)
	void inChromiumTheQiniChartDrawsAndTheTargetingFormPlansTheCampaign() throws Exception {
		try (io.churnguard.app.support.Browser browser = io.churnguard.app.support.Browser.open(this.port)) {
			browser.signIn("head", this.passwords.get("head"));
			browser.go("/uplift-models").find(".qini-chart canvas");
			assertThat(browser.text()).contains("增量模型", "Qini", this.modelId);
			browser.screenshot(Path.of("target", "screenshots", "uplift-models.png"));
			browser.go("/campaigns/" + this.draft).type("#targeting-budget", "2400").click("#targeting-plan");
			browser.find("#targeting-comparison");
			assertThat(browser.text()).contains("增量定向", "按风险定向（同预算）", "¥2,400");
			browser.screenshot(Path.of("target", "screenshots", "campaign-targeting.png"));
		}
	}

	@Test
	@Order(6)
	void theAppliedPlanIsTheListTheCampaignLaunchesWithUnderTheContactPoliciesAndAControlGroup() {
		String apply = "/api/v1/campaigns/" + this.draft + "/targeting/" + this.planId + "/apply";
		assertThat(post("analyst", apply, "").statusCode()).as("analysts plan but do not edit campaigns")
			.isEqualTo(403);
		HttpResponse<String> applied = post("head", apply, "");
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		assertThat((int) JsonPath.read(applied.body(), "$.targets")).isEqualTo(this.planned.size());
		assertThat(audit("CAMPAIGN_TARGETING_APPLIED", "head")).isEqualTo(1);
		assertThat(((Number) JsonPath.read(get("head", "/api/v1/campaigns/" + this.draft).body(), "$.preview.listed"))
			.longValue()).as("the preview counts the plan's customers").isEqualTo(this.planned.size());

		String blackListed = this.planned.iterator().next();
		post("head", "/api/v1/contact-lists/black", "{\"customerIds\":[\"" + blackListed + "\"],\"reason\":\"投诉\"}");
		post("head", "/api/v1/campaigns/" + this.draft + "/submit", "");
		post("head", "/api/v1/campaigns/" + this.draft + "/approve", "{}");
		assertThat(post("head", "/api/v1/campaigns/" + this.draft + "/launch", "").statusCode()).isEqualTo(200);
		assertThat(post("head", apply, "").statusCode()).as("a running campaign's list no longer changes")
			.isEqualTo(409);

		List<String> members = this.jdbc.queryForList("select customer_id from campaign_member where campaign_id = ?",
				String.class, this.draft);
		assertThat(members).doesNotContain(blackListed).doesNotContainAnyElementsOf(this.doNotContact);
		assertThat(this.planned).containsAll(members);
		assertThat(members).hasSize(this.planned.size() - 1);
		assertThat(this.jdbc.queryForObject(
				"select reason from campaign_exclusion where campaign_id = ? and customer_id = ?", String.class,
				this.draft, blackListed))
			.isEqualTo("black_list");
		long control = this.jdbc.queryForObject(
				"select count(*) from campaign_member where campaign_id = ? and grp = 'control'", Long.class,
				this.draft);
		assertThat(control).as("the control group is held out of the plan's customers")
			.isGreaterThanOrEqualTo((long) Math.ceil(0.2 * members.size()));
		assertThat(this.jdbc.queryForObject("""
				select count(*) from contact_task t join campaign_member m
				  on m.campaign_id = t.campaign_id and m.customer_id = t.customer_id
				where t.campaign_id = ? and m.grp = 'control'""", Long.class, this.draft)).isZero();
		assertThat(this.jdbc.queryForList("select distinct action from contact_task where campaign_id = ?",
				String.class, this.draft))
			.containsExactly("callback");
	}

	@Test
	@Order(7)
	void theCommandLineListsEvaluatesAndPlansOnTheSameWorkspace() {
		CliRun list = CliRun.of("campaign", "list", "--data-dir", this.dataDir);
		assertThat(list.exitCode()).as(list.err()).isZero();
		List<Number> ids = JsonPath.read(list.out(), "$[*].id");
		assertThat(ids.stream().map(Number::longValue)).contains(this.pastCampaign, this.draft);

		CliRun evaluation = CliRun.of("campaign", "evaluate", Long.toString(this.pastCampaign), "--data-dir",
				this.dataDir);
		assertThat(evaluation.exitCode()).as(evaluation.err()).isZero();
		String api = get("head", "/api/v1/campaigns/" + this.pastCampaign + "/evaluation").body();
		for (String figure : List.of("$.overall.effect.treated", "$.overall.effect.control",
				"$.overall.effect.pValue")) {
			assertThat((Object) JsonPath.read(evaluation.out(), figure)).as(figure)
				.isEqualTo(JsonPath.read(api, figure))
				.isNotNull();
		}

		CliRun models = CliRun.of("campaign", "uplift-models", "--data-dir", this.dataDir);
		assertThat(models.exitCode()).as(models.err()).isZero();
		assertThat(models.out()).contains(this.modelId);

		CliRun running = CliRun.of("campaign", "target", Long.toString(this.draft), "--budget", "1000", "--data-dir",
				this.dataDir);
		assertThat(running.exitCode()).as("a running campaign is not planned again").isEqualTo(1);
		assertThat(running.err()).contains("campaign: campaign " + this.draft + " is running")
			.doesNotContain("Exception");
		assertThat(CliRun
			.of("campaign", "uplift-train", "--campaigns", Long.toString(this.pastCampaign), "--learner", "forest",
					"--data-dir", this.dataDir)
			.exitCode()).as("an unknown learner is a usage error").isEqualTo(2);
	}

	private long audit(String action, String actor) {
		return this.jdbc.queryForObject("select count(*) from audit_log where action = ? and actor = ?", Long.class,
				action, actor);
	}

	private static long id(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ((Number) JsonPath.read(response.body(), "$.id")).longValue();
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

	private void load(ImportKind kind, Path file) {
		TestCompany.load(this.imports, kind, file);
	}

	private void user(String username, String role, String region, String team) {
		this.passwords.put(username,
				TestCompany.user(Http.api(this.port), this.adminPassword, username, role, region, team));
	}

}
