package io.churnguard.app.scoring;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;

import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.support.ChurnGuardIT;
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
		Http console = Http.console(this.port);
		console.login("admin", this.adminPassword);
		assertThat(console.get("/models").body()).contains("冠军", first.model().name());
		assertThat(console.get("/customers/" + risky).body()).contains("流失风险", "高风险");
	}

	private void load(ImportKind kind, Path file) {
		TestCompany.load(this.imports, kind, file);
	}

}
