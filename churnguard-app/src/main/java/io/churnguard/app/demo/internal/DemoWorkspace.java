package io.churnguard.app.demo.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.customer.ValueGrading;
import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.ImportSummary;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.platform.ChurnGuardProperties;
import io.churnguard.app.scoring.ArchiveTraining;
import io.churnguard.app.scoring.ArchiveTrainingRequest;
import io.churnguard.app.scoring.ScoringRuns;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.SimulationSummary;
import io.churnguard.ml.sim.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds an empty workspace with a simulated telecom company whose year of history ends
 * today, so scores, warnings and features are current. It runs after the server is ready,
 * in the background: the console is usable at once and fills up as the demo loads.
 */
@Component
@ConditionalOnProperty(name = "churnguard.demo.enabled", havingValue = "true")
class DemoWorkspace {

	private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

	/**
	 * Demo users, one per role that works with customers, named after the simulated
	 * company's owners.
	 */
	private static final List<DemoUser> USERS = List.of(
			new DemoUser("head", "营销部长 李明", Role.RETENTION_HEAD, null, null),
			new DemoUser("manager_gd", "广东销售经理 王强", Role.SALES_MANAGER, "广东", "华南一组"),
			new DemoUser("agent_gd_01", "客服专员 陈静", Role.AGENT, "广东", "华南一组"),
			new DemoUser("analyst", "数据分析师 赵敏", Role.ANALYST, null, null),
			new DemoUser("auditor", "审计员 周洋", Role.AUDITOR, null, null));

	private final JdbcTemplate jdbc;

	private final Imports imports;

	private final UserDirectory users;

	private final ValueGrading grading;

	private final ArchiveTraining training;

	private final ScoringRuns scoring;

	private final Path directory;

	private final int customers;

	private final Clock clock;

	private final ZoneId zone;

	private final PrintStream console = System.out;

	DemoWorkspace(JdbcTemplate jdbc, Imports imports, UserDirectory users, ValueGrading grading,
			ArchiveTraining training, ScoringRuns scoring, ChurnGuardProperties properties,
			@Value("${churnguard.demo.customers:8000}") int customers, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.users = users;
		this.grading = grading;
		this.training = training;
		this.scoring = scoring;
		this.directory = properties.dataDir().resolve("demo");
		this.customers = customers;
		this.clock = clock;
		this.zone = ZoneId.of(properties.timeZone());
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		Long existing = this.jdbc.queryForObject("select count(*) from customer", Long.class);
		if (existing != null && existing > 0) {
			log.info("The demo workspace already holds {} customers", existing);
			return;
		}
		Thread seeding = new Thread(this::seed, "demo-seeding");
		seeding.setDaemon(true);
		seeding.start();
	}

	void seed() {
		try {
			LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
			log.info("Loading the demo company: {} customers, 12 months up to {} ...", this.customers, today);
			Path simulation = this.directory.resolve("company");
			SimulationSummary simulated = Simulator
				.run(SimulationConfig.of(Preset.TELECOM, this.customers, 12, 20261124L)
					.withStartDate(today.minusMonths(12)), simulation);
			log.info("Simulated {} events, {} churners", simulated.events(), simulated.churners());
			ImportSummary customers = load(ImportKind.CUSTOMERS, simulation.resolve("customers.csv"));
			ImportSummary events = load(ImportKind.EVENTS, simulation.resolve("events.csv"));
			log.info("Imported {} customers and {} events", customers.accepted(), events.accepted());
			printUsers(createUsers());
			this.grading.regrade("demo");
			log.info("Training the first churn model from the demo archive ...");
			ArchiveTraining.Trained trained = this.training.train(new ArchiveTrainingRequest(today, 90, 14, 30, 90,
					"churn-event", "gbdt", 3, 0, ArchiveTrainingRequest.NOT_POINT_IN_TIME, "demo"));
			log.info("Trained {} (cross-validated AUC {})", trained.model().name(), trained.model().auc());
			ScoringRuns.ScoringRun scored = this.scoring.scoreAll(today, "demo");
			log.info("Scored {} customers: {} high risk, {} medium", scored.customers(), scored.high(),
					scored.medium());
			log.info("The demo company is ready");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not simulate the demo company: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			log.error("Loading the demo company failed: {}", ex.getMessage(), ex);
		}
	}

	private ImportSummary load(ImportKind kind, Path file) {
		ImportSummary summary = this.imports.run(
				new ImportRequest(kind, file, file.getFileName().toString(), null, null, "demo", ImportChannel.CLI),
				null);
		if (!"completed".equals(summary.status()) || summary.rejected() > 0) {
			throw new IllegalStateException("the demo " + kind.code() + " did not load cleanly: " + summary);
		}
		return summary;
	}

	private List<String> createUsers() {
		List<String> lines = new ArrayList<>();
		for (DemoUser user : USERS) {
			if (this.users.find(user.username()).isPresent()) {
				continue;
			}
			String password = this.users.create(user.username(), user.displayName(), user.role(), user.region(),
					user.team(), null);
			lines.add(String.format("  %-12s %-20s %s", user.username(), password, user.displayName()));
		}
		return lines;
	}

	private void printUsers(List<String> lines) {
		if (lines.isEmpty()) {
			return;
		}
		String rule = "=".repeat(72);
		StringBuilder box = new StringBuilder().append('\n').append(rule).append('\n');
		box.append("  The demo company is loaded. Demo users (passwords shown only once):\n");
		lines.forEach(line -> box.append(line).append('\n'));
		box.append(rule).append('\n');
		this.console.print(box);
		this.console.flush();
	}

	private record DemoUser(String username, String displayName, Role role, String region, String team) {
	}

}
