package io.churnguard.app.scoring;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.CliRun;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.TestCompany;
import io.churnguard.app.support.TestWorkspace;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.Simulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From archive to scores: a model trained from simulated events enters the registry as
 * champion, scores every active customer with reasons, and can be superseded and rolled
 * back.
 */
@ChurnGuardIT(properties = "churnguard.test.context=scoring")
class ScoringIT {

	@Autowired
	Imports imports;

	@Autowired
	ArchiveTraining training;

	@Autowired
	ModelRegistry registry;

	@Autowired
	ScoringRuns scoring;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Value("${churnguard.data-dir}")
	String dataDir;

	@Test
	void aModelTrainedFromTheArchiveScoresEveryActiveCustomerWithReasons() throws Exception {
		LocalDate end = LocalDate.now();
		Path sim = TestWorkspace.newDirectory();
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 600, 12, 5).withStartDate(end.minusMonths(12)), sim);
		load(ImportKind.CUSTOMERS, sim.resolve("customers.csv"));
		load(ImportKind.EVENTS, sim.resolve("events.csv"));

		ArchiveTraining.Trained first = this.training
			.train(new ArchiveTrainingRequest(end, 90, 14, 30, 90, "churn-event", "lr", 3, 0, null, "analyst"));
		assertThat(first.model().isChampion()).as("the first model becomes champion").isTrue();
		assertThat(first.trainingRows()).isGreaterThan(1000);
		assertThat(first.model().auc()).isBetween(0.6, 0.97);

		ScoringRuns.ScoringRun run = this.scoring.scoreAll(end, "analyst");
		long active = this.jdbc.queryForObject("select count(*) from customer where status = 'active'", Long.class);
		assertThat(run.customers()).isEqualTo(active);
		assertThat(run.high() + run.medium() + run.low()).isEqualTo(run.customers());
		assertThat(run.phases()).as("every phase timed, in the order they ran")
			.containsOnlyKeys("model", "attributes", "features", "probabilities", "reasons", "scoresStored",
					"latestScores", "warnings", "featureStates");
		assertThat(List.copyOf(run.phases().keySet())).startsWith("model", "attributes", "features")
			.endsWith("warnings", "featureStates");
		assertThat(run.phases().values().stream().mapToLong(Long::longValue).sum()).isBetween(0L, run.elapsedMs());
		String risky = this.jdbc.queryForObject(
				"select customer_id from score_latest where risk_band = 'high' order by probability desc limit 1",
				String.class);
		String admin = Http.basic("admin", this.adminPassword);
		HttpResponse<String> profile = Http.api(this.port).get("/api/v1/customers/" + risky, "Authorization", admin);
		assertThat(profile.body()).contains("\"risk\":", "\"riskBand\":\"high\"", "\"reasons\":[\"");

		ArchiveTraining.Trained second = this.training
			.train(new ArchiveTrainingRequest(end, 90, 14, 30, 90, "churn-event", "lr", 0, 1, null, "analyst"));
		assertThat(second.model().status()).isEqualTo("candidate");
		this.registry.promote(second.model().id(), "head");
		assertThat(this.registry.champion()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(second.model().id()));
		this.registry.rollback("head");
		assertThat(this.registry.champion()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(first.model().id()));
		assertThat(this.jdbc.queryForList("select action from audit_log where object_type = 'model' order by id",
				String.class))
			.containsSubsequence("MODEL_REGISTERED", "MODEL_REGISTERED", "MODEL_PROMOTED", "MODEL_ROLLED_BACK");

		Http api = Http.api(this.port);
		assertThat(api.get("/api/v1/models", "Authorization", admin).body()).contains(first.model().id(),
				second.model().id());
		assertThat(api.get("/api/v1/models/" + first.model().id() + "/report", "Authorization", admin).body())
			.contains("<svg");
		assertThat(api.get("/api/v1/models/" + first.model().id() + "/coefficients.csv", "Authorization", admin).body())
			.contains("odds");
		assertThat(api.get("/api/v1/models/" + first.model().id(), "Authorization", admin).body()).contains("modelCard",
				"intendedUse", "\"grade\"");
		String analyst = Http.basic("analyst_runs",
				TestCompany.user(api, this.adminPassword, "analyst_runs", "ANALYST", null, null));
		String runs = api.get("/api/v1/scoring/runs?limit=5", "Authorization", analyst).body();
		assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(runs, "$[0].id")).isEqualTo((int) run.id());
		assertThat(runs).as("phases listed in the order they ran")
			.containsPattern("\"phases\":\\{\"model\":\\d+,\"attributes\":\\d+,\"features\":\\d+,"
					+ "\"probabilities\":\\d+,\"reasons\":\\d+,\"scoresStored\":\\d+,\"latestScores\":\\d+,"
					+ "\"warnings\":\\d+,\"featureStates\":\\d+}")
			.contains("\"startedBy\":\"analyst\"");
		assertThat(api.get("/api/v1/scoring/runs?limit=0", "Authorization", analyst).statusCode()).isEqualTo(400);
		HttpResponse<String> missedDay = api.send("POST", "/api/v1/scoring/runs?asOf=" + end.minusDays(1),
				"Authorization", analyst);
		assertThat(missedDay.statusCode()).isEqualTo(201);
		assertThat(missedDay.body()).contains("\"asOf\":\"" + end.minusDays(1) + "\"");
		assertThat(api.send("POST", "/api/v1/scoring/runs?asOf=" + end.plusDays(2), "Authorization", analyst))
			.satisfies(tomorrow -> assertThat(tomorrow.statusCode()).isEqualTo(400))
			.satisfies(tomorrow -> assertThat(tomorrow.body()).contains("asOf must not be after today"));
		CliRun cli = CliRun.of("score", "--from-db", "--as-of", end.minusDays(3).toString(), "--data-dir",
				this.dataDir);
		assertThat(cli.exitCode()).as(cli.err()).isZero();
		assertThat(cli.out()).containsPattern("\"asOf\"\\s*:\\s*\"" + end.minusDays(3) + "\"");
		assertThat(api.get("/api/v1/scoring/runs", "Authorization", admin).statusCode())
			.as("administrators manage users, not models")
			.isEqualTo(403);
		Http console = Http.console(this.port);
		console.login("admin", this.adminPassword);
		assertThat(console.get("/models").body()).contains("冠军", first.model().name(), "最近的评分运行", "计算特征");
		assertThat(console.get("/customers/" + risky).body()).contains("流失风险", "高风险");

		// The score history by month: a month older than
		// churnguard.scoring.history-months
		// (24) goes, whole and audited, with the next run.
		String thisMonth = String.format("score_y%04dm%02d", end.getYear(), end.getMonthValue());
		LocalDate longAgo = end.minusMonths(30);
		String oldMonth = String.format("score_y%04dm%02d", longAgo.getYear(), longAgo.getMonthValue());
		this.scoring.scoreAll(longAgo, "analyst");
		assertThat(partitionsOfScore()).contains(thisMonth, oldMonth);
		this.scoring.scoreAll(end, "analyst");
		assertThat(partitionsOfScore()).contains(thisMonth).doesNotContain(oldMonth);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'SCORE_HISTORY_PURGED' and object_id like ?", Long.class,
				longAgo.toString().substring(0, 7) + "%"))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from score where as_of = ?", Long.class, end))
			.as("this month's history kept")
			.isGreaterThan(0);

		realTimeExplainsOnlyWhatAChangeNeeds();
		realTimeRescoringWaitsForTheDailyJobInsteadOfDeadlocking(end);
	}

	/**
	 * The daily job writes every latest score and then the warnings, in one transaction;
	 * real-time batches running meanwhile refresh warnings and latest scores of their own
	 * customers. They used to take the two in the opposite order, and the 04:00 job of a
	 * server under real-time load failed with a deadlock (as did the batch). Now each
	 * waits for the other.
	 */
	private void realTimeRescoringWaitsForTheDailyJobInsteadOfDeadlocking(LocalDate end) {
		List<String> customers = this.jdbc.queryForList("select customer_id from score_latest", String.class);
		CompletableFuture<Void> dailyJobs = CompletableFuture.runAsync(() -> {
			for (int run = 0; run < 3; run++) {
				this.scoring.scoreAll(end, "analyst");
			}
		});
		Random random = new Random(7);
		List<RuntimeException> failures = new ArrayList<>();
		int batches = 0;
		while (!dailyJobs.isDone()) {
			List<String> batch = new ArrayList<>(customers);
			Collections.shuffle(batch, random);
			try {
				this.scoring.rescore(batch.subList(0, 60));
				batches++;
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		dailyJobs.join();
		assertThat(failures).as("real-time batches during the daily jobs").isEmpty();
		assertThat(batches).isPositive();
	}

	/**
	 * Real-time rescoring explains (TreeSHAP, the costly part) only customers whose
	 * stored reasons no longer fit and those whose warning it raises or upgrades; the
	 * others keep the reasons stored, under fresh figures.
	 */
	private void realTimeExplainsOnlyWhatAChangeNeeds() {
		List<String> top = this.jdbc.queryForList("""
				select s.customer_id from score_latest s
				where s.risk_band = 'high' and s.reasons is not null
				  and exists (select 1 from warning w where w.customer_id = s.customer_id and w.cause_key = 'model'
				              and w.status <> 'closed')
				order by s.probability desc limit 3""", String.class);
		assertThat(top).as("the riskiest customers, warned by the daily job").hasSize(3);
		String marker = "[{\"feature\": \"marker\", \"en\": \"kept\"}]";
		this.jdbc.update("update score_latest set reasons = ?::jsonb where customer_id = any (?)", marker,
				top.toArray(String[]::new));
		// The first customer's stored score is of another band, which alone calls for
		// no new reasons; the second has none stored; the third's warning is gone, so
		// rescoring raises it anew.
		this.jdbc.update("update score_latest set risk_band = 'medium' where customer_id = ?", top.get(0));
		this.jdbc.update("update score_latest set reasons = null where customer_id = ?", top.get(1));
		this.jdbc.update("delete from warning where customer_id = ? and cause_key = 'model'", top.get(2));

		assertThat(this.scoring.rescore(top)).isEqualTo(3);

		assertThat(latestReasons(top.get(0))).as("another band, no warning raised: the stored reasons are kept")
			.contains("marker");
		assertThat(this.jdbc.queryForObject("select run_id from score_latest where customer_id = ?", Long.class,
				top.get(0)))
			.as("under the real-time score")
			.isZero();
		assertThat(latestReasons(top.get(1))).as("none stored: explained")
			.doesNotContain("marker")
			.contains("\"contribution\"");
		assertThat(latestReasons(top.get(2))).as("the warning raised anew: explained, and stored as the latest")
			.doesNotContain("marker")
			.contains("\"contribution\"");
		assertThat(this.jdbc.queryForObject(
				"select reasons::text from warning where customer_id = ? and cause_key = 'model' and status <> 'closed'",
				String.class, top.get(2)))
			.as("the new warning says why")
			.contains("\"zh\"")
			.isNotEqualTo("[]");
	}

	private String latestReasons(String customerId) {
		return this.jdbc.queryForObject("select reasons::text from score_latest where customer_id = ?", String.class,
				customerId);
	}

	private List<String> partitionsOfScore() {
		return this.jdbc.queryForList("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				join pg_class p on p.oid = i.inhparent where p.relname = 'score'""", String.class);
	}

	private void load(ImportKind kind, Path file) {
		TestCompany.load(this.imports, kind, file);
	}

}
