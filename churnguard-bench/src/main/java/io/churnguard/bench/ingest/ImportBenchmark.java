package io.churnguard.bench.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.churnguard.bench.app.AppJar;
import io.churnguard.bench.app.AppOptions;
import io.churnguard.bench.app.Company;
import io.churnguard.bench.app.Reports;
import io.churnguard.bench.app.ServerProcess;
import io.churnguard.bench.app.Workspaces;
import io.churnguard.ml.sim.SimulationSummary;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./churnguard bench import}: a simulated company's events.csv imported through
 * the product's own path — {@code churnguard import events}, the executable jar as a
 * separate process, with every row validated, de-duplicated and indexed — and, in the
 * same run and the same embedded PostgreSQL, a plain {@code COPY … FROM STDIN} of the
 * same file over JDBC into a bare table (same column types, no key, no index, no
 * partitions): the floor no importer with validation can beat.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Events per second through the CSV import against a plain COPY of the same rows.")
public final class ImportBenchmark implements Callable<Integer> {

	@Option(names = "--customers", defaultValue = "1000000",
			description = "Customers to simulate (${DEFAULT-VALUE}); about 11 events per customer-month.")
	int customers;

	@Option(names = "--months", defaultValue = "9", description = "Months of history (${DEFAULT-VALUE}).")
	int months;

	@Option(names = "--runs", defaultValue = "1",
			description = "Runs, each on a fresh workspace (${DEFAULT-VALUE}); all are reported, and the best.")
	int runs;

	@Mixin
	AppOptions appOptions;

	@Option(names = "--work-dir", description = "Directory to work in (kept); default a temporary one, deleted.")
	Path workDir;

	@Override
	public Integer call() {
		AppJar app = this.appOptions.locate();
		Path dir = Workspaces.open(this.workDir, "cg-import-bench");
		try {
			Map<String, Object> report = run(app, dir);
			System.out.println(Workspaces.json(report));
			return 0;
		}
		finally {
			if (this.workDir == null) {
				Workspaces.delete(dir);
			}
		}
	}

	private Map<String, Object> run(AppJar app, Path dir) {
		Company company = new Company(this.customers, this.months, this.appOptions.seed());
		Path simulation = dir.resolve("simulation");
		System.err.printf("simulating %,d customers x %d months%n", this.customers, this.months);
		SimulationSummary simulated = company.simulate(simulation);
		Path events = simulation.resolve("events.csv");
		long bytes = size(events);
		Map<String, Object> report = Reports.head("import", this.customers, this.months);
		report.put("events", simulated.events());
		report.put("fileMB", Math.round(bytes / 1e6));
		report.put("machine", Workspaces.machine());
		List<Map<String, Object>> runs = new ArrayList<>();
		for (int r = 1; r <= this.runs; r++) {
			Path workspace = dir.resolve("workspace-" + r);
			System.err.printf("run %d: starting the server on a fresh workspace %s%n", r, workspace);
			try (ServerProcess server = ServerProcess.start(app, workspace, Duration.ofMinutes(3))) {
				Company.importFile(app, server, "customers", simulation.resolve("customers.csv"));
				JsonNode imported = Company.importFile(app, server, "events", events);
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("run", r);
				one.put("churnguard", importFigures(imported));
				one.put("copy", copyBaseline(server, events));
				long importRate = imported.path("rowsPerSecond").asLong();
				long copyRate = ((Number) ((Map<?, ?>) one.get("copy")).get("rowsPerSecond")).longValue();
				one.put("copyOverImport", Math.round(copyRate * 100.0 / Math.max(importRate, 1)) / 100.0);
				runs.add(one);
			}
			finally {
				Workspaces.delete(workspace);
			}
		}
		report.put("runs", runs);
		Map<String, Object> best = runs.stream()
			.max(java.util.Comparator
				.comparingLong(run -> ((Number) ((Map<?, ?>) run.get("churnguard")).get("rowsPerSecond")).longValue()))
			.orElseThrow();
		report.put("best", best);
		report.put("target", "at least 300,000 events/s with validation on 2 cores");
		return report;
	}

	private static Map<String, Object> importFigures(JsonNode imported) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("rowsRead", imported.path("rowsRead").asLong());
		figures.put("accepted", imported.path("accepted").asLong());
		figures.put("rejected", imported.path("rejected").asLong());
		figures.put("duplicates", imported.path("duplicates").asLong());
		figures.put("elapsedMs", imported.path("elapsedMs").asLong());
		figures.put("rowsPerSecond", imported.path("rowsPerSecond").asLong());
		long wallMs = imported.path("wallMs").asLong();
		figures.put("wallMs", wallMs);
		figures.put("rowsPerSecondWithJvmStart", imported.path("rowsRead").asLong() * 1000 / Math.max(wallMs, 1));
		return figures;
	}

	/**
	 * COPY of the very file into a bare table of the same database, streamed from disk
	 * over the JDBC driver's copy API, as an importer without validation would do it.
	 */
	static Map<String, Object> copyBaseline(ServerProcess server, Path file) {
		System.err.println("plain COPY of the same file into a bare table");
		String columns;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			columns = reader.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Connection connection = server.database(false); Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists bench_copy_event");
			statement.execute("""
					create table bench_copy_event (event_id varchar(64), customer_id varchar(64), event_time timestamp,
					  event_type varchar(16), subtype varchar(32), amount numeric(14, 2), quantity double precision,
					  attributes jsonb)""");
			long started = System.nanoTime();
			long rows;
			try (InputStream in = Files.newInputStream(file)) {
				rows = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bench_copy_event (" + columns + ") from stdin with (format csv, header true)", in,
							1 << 16);
			}
			long elapsedMs = (System.nanoTime() - started) / 1_000_000;
			statement.execute("drop table bench_copy_event");
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("rows", rows);
			figures.put("elapsedMs", elapsedMs);
			figures.put("rowsPerSecond", rows * 1000 / Math.max(elapsedMs, 1));
			System.err.printf("  %,d rows in %.1f s: %,d rows/s%n", rows, elapsedMs / 1000.0,
					rows * 1000 / Math.max(elapsedMs, 1));
			return figures;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
