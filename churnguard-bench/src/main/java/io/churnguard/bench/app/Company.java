package io.churnguard.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.SimulationSummary;
import io.churnguard.ml.sim.Simulator;

/**
 * A simulated telecom company whose history ends today (in the business's time zone, as
 * the demo does), so scores, warnings and real-time events are current; loaded through
 * the product's own path, {@code churnguard import customers|events}.
 *
 * @param customers customers
 * @param months months of history
 * @param seed the simulator's seed
 */
public record Company(int customers, int months, long seed) {

	/** The time zone the application runs in by default. */
	public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

	private static final String MARKER = "bench-company.json";

	/**
	 * @return today in the business's time zone
	 */
	public static LocalDate today() {
		return LocalDate.now(BUSINESS_ZONE);
	}

	/**
	 * Writes customers.csv and events.csv with the simulator.
	 * @param dir where to write
	 * @return the simulator's summary
	 */
	public SimulationSummary simulate(Path dir) {
		try {
			return Simulator.run(SimulationConfig.of(Preset.TELECOM, this.customers, this.months, this.seed)
				.withStartDate(today().minusMonths(this.months)), dir, (done, total) -> {
					if (done == total || done % 100_000 < 500) {
						System.err.printf("\r  simulated %,d / %,d customers", done, total);
					}
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			System.err.println();
		}
	}

	/**
	 * Whether a kept workspace already holds this company (a previous benchmark loaded
	 * it), so the loading can be skipped.
	 * @param workspace the workspace
	 * @return the figures of the earlier load, or null
	 */
	public JsonNode loadedInto(Path workspace) {
		Path marker = workspace.resolve(MARKER);
		if (!Files.isRegularFile(marker)) {
			return null;
		}
		try {
			JsonNode loaded = ApiClient.JSON.readTree(marker.toFile());
			return (loaded.path("customers").asInt() == this.customers && loaded.path("months").asInt() == this.months
					&& loaded.path("seed").asLong() == this.seed) ? loaded : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Simulates the company and imports it into the workspace of a running server with
	 * the CLI (which attaches to the server's embedded PostgreSQL), unless the workspace
	 * already holds it.
	 * @param app the application jar
	 * @param server the running server
	 * @return how the load went: simulated events, both import summaries, wall times
	 */
	public JsonNode load(AppJar app, ServerProcess server) {
		JsonNode earlier = loadedInto(server.workspace());
		if (earlier != null) {
			System.err.printf("the workspace already holds %,d customers x %d months (loaded %s)%n", this.customers,
					this.months, earlier.path("loadedOn").asText());
			return earlier;
		}
		Path simulation = server.workspace().resolve("simulation");
		System.err.printf("simulating %,d customers x %d months%n", this.customers, this.months);
		long started = System.nanoTime();
		SimulationSummary simulated = simulate(simulation);
		long simulateMs = (System.nanoTime() - started) / 1_000_000;
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("customers", this.customers);
		report.put("months", this.months);
		report.put("seed", this.seed);
		report.put("loadedOn", today().toString());
		report.put("events", simulated.events());
		report.put("simulateMs", simulateMs);
		report.put("importCustomers", importFile(app, server, "customers", simulation.resolve("customers.csv")));
		report.put("importEvents", importFile(app, server, "events", simulation.resolve("events.csv")));
		try {
			ApiClient.JSON.writerWithDefaultPrettyPrinter()
				.writeValue(server.workspace().resolve(MARKER).toFile(), report);
			Files.delete(simulation.resolve("events.csv"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ApiClient.JSON.valueToTree(report);
	}

	/**
	 * Runs {@code churnguard import <kind> --file F --data-dir W}.
	 * @param app the application jar
	 * @param server the server whose workspace and database receive the rows
	 * @param kind customers or events
	 * @param file the file
	 * @return the CLI's JSON summary plus {@code wallMs}, JVM start included
	 */
	public static JsonNode importFile(AppJar app, ServerProcess server, String kind, Path file) {
		System.err.printf("importing %s from %s with the CLI%n", kind, file);
		Path log = server.workspace().resolve("cli.log");
		AppJar.Run run = app
			.run(log, "import", kind, "--file", file.toString(), "--data-dir", server.workspace().toString())
			.requireSuccess("import " + kind, log);
		try {
			com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode) ApiClient.JSON
				.readTree(run.stdout());
			summary.put("wallMs", run.wallMs());
			System.err.printf("  %,d accepted, %,d rejected, %,d rows/s (import), %.1f s wall%n",
					summary.path("accepted").asLong(), summary.path("rejected").asLong(),
					summary.path("rowsPerSecond").asLong(), run.wallMs() / 1000.0);
			return summary;
		}
		catch (IOException ex) {
			throw new IllegalStateException("import " + kind + " printed no JSON: " + run.stdout(), ex);
		}
	}

}
