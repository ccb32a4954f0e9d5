package io.churnguard.bench.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.churnguard.bench.app.AppJar;
import io.churnguard.bench.app.AppServer;
import io.churnguard.bench.app.AppServerOptions;
import io.churnguard.bench.app.Company;
import io.churnguard.bench.app.Reports;
import io.churnguard.bench.app.ServerProcess;
import io.churnguard.bench.app.Workspaces;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./churnguard bench features-pg}: the default features of every customer computed
 * from the event log in PostgreSQL, the way the daily job and {@code churnguard features}
 * read it (a streaming cursor ordered by customer and time), and where the time goes. The
 * application's {@code features --breakdown} command (a separate process on the loaded
 * workspace) times a read-only pass over the cursor and the full feature run; this
 * process times a {@code COPY (the same query) TO STDOUT} over JDBC, which is the query
 * and the transfer without the driver's row decoding. So: query and transfer = COPY;
 * decoding rows into values = read-only pass − COPY; feature computation = feature run −
 * read-only pass.
 */
@Command(name = "features-pg", mixinStandardHelpOptions = true,
		description = "Features from the PostgreSQL event log: total time, and query/transfer, decoding, computation.")
public final class FeaturesPgBenchmark implements Callable<Integer> {

	@Option(names = "--customers", defaultValue = "100000",
			description = "Customers (${DEFAULT-VALUE}; with 9 months about 10 million events).")
	int customers;

	@Option(names = "--months", defaultValue = "9", description = "Months of history (${DEFAULT-VALUE}).")
	int months;

	@Option(names = "--runs", defaultValue = "2", description = "Runs (${DEFAULT-VALUE}); all are reported.")
	int runs;

	@Option(names = "--threads", defaultValue = "0", description = "Feature engine threads; 0: one per processor.")
	int threads;

	@Mixin
	AppServerOptions options;

	@Override
	public Integer call() throws Exception {
		Map<String, Object> report = Reports.headOnMachine("features-pg", this.customers, this.months);
		try (AppServer bench = AppServer.start(this.options, "cg-features-pg-bench")) {
			AppJar app = bench.app();
			ServerProcess server = bench.server();
			report.put("load", bench.load(new Company(this.customers, this.months, this.options.seed())));
			LocalDate asOf = Company.today();
			report.put("asOf", asOf.toString());
			List<Map<String, Object>> runs = new ArrayList<>();
			for (int r = 1; r <= this.runs; r++) {
				Map<String, Object> run = new LinkedHashMap<>();
				run.put("run", r);
				System.err.printf("run %d: COPY of the feature engine's query to stdout%n", r);
				long[] copied = copyOut(server, asOf);
				System.err.printf("  %,d bytes in %.1f s%n", copied[1], copied[0] / 1000.0);
				System.err.printf("run %d: churnguard features --breakdown%n", r);
				Path log = server.workspace().resolve("cli.log");
				AppJar.Run cli = app
					.run(log, "features", "--breakdown", "--as-of", asOf.toString(), "--threads",
							Integer.toString(this.threads), "--data-dir", server.workspace().toString())
					.requireSuccess("features", log);
				JsonNode features = com.fasterxml.jackson.databind.json.JsonMapper.builder()
					.build()
					.readTree(cli.stdout());
				long events = features.path("events").asLong();
				long readOnly = features.path("readOnlyMs").asLong();
				long total = features.path("featuresMs").asLong();
				run.put("events", events);
				run.put("customers", features.path("rows").asLong());
				run.put("features", features.path("features").asInt());
				run.put("featureRunMs", total);
				run.put("eventsPerSecond", events * 1000 / Math.max(total, 1));
				Map<String, Object> split = new LinkedHashMap<>();
				split.put("attributesMs", features.path("attributesMs").asLong());
				split.put("queryAndTransferMs", copied[0]);
				// Signed on purpose: a negative part means it was hidden behind another
				// (the
				// engine computes on worker threads while the cursor reads) or lost in
				// noise.
				split.put("rowDecodingMs", readOnly - copied[0]);
				split.put("featureComputationMs", total - readOnly);
				run.put("split", split);
				run.put("readOnlyPassMs", readOnly);
				run.put("copyBytes", copied[1]);
				run.put("cliWallMs", cli.wallMs());
				System.err.printf(
						"  %,d events in %.1f s (%,d events/s): query+transfer %.1f s, decoding %.1f s, "
								+ "computation %.1f s%n",
						events, total / 1000.0, events * 1000 / Math.max(total, 1), copied[0] / 1000.0,
						(readOnly - copied[0]) / 1000.0, (total - readOnly) / 1000.0);
				runs.add(run);
			}
			report.put("runs", runs);
			report.put("note", "the split subtracts separately timed passes; the feature run overlaps reading and "
					+ "computing, so the parts are approximate, and a negative part was hidden behind the others");
		}
		System.out.println(Workspaces.json(report));
		return 0;
	}

	/** The feature engine's query as COPY to stdout: {elapsed ms, bytes}. */
	private static long[] copyOut(ServerProcess server, LocalDate asOf) throws SQLException, IOException {
		try (Connection db = server.database(true)) {
			long[] bytes = { 0 };
			OutputStream counting = new OutputStream() {
				@Override
				public void write(int b) {
					bytes[0]++;
				}

				@Override
				public void write(byte[] b, int off, int len) {
					bytes[0] += len;
				}
			};
			long started = System.nanoTime();
			db.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut(
						"copy (select customer_id, event_time, event_type, subtype, amount, quantity from event "
								+ "where event_time < '" + asOf + "' order by customer_id, event_time) to stdout",
						counting);
			return new long[] { (System.nanoTime() - started) / 1_000_000, bytes[0] };
		}
	}

}
