package io.churnguard.bench.customer360;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.churnguard.bench.app.ApiClient;
import io.churnguard.bench.app.AppServer;
import io.churnguard.bench.app.AppServerOptions;
import io.churnguard.bench.app.Company;
import io.churnguard.bench.app.Percentiles;
import io.churnguard.bench.app.Preparation;
import io.churnguard.bench.app.Reports;
import io.churnguard.bench.app.ServerProcess;
import io.churnguard.bench.app.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./churnguard bench customer360}: a server process with a simulated company
 * loaded (by default 1 million customers and about 100 million events), optionally scored
 * so the view holds risk, reasons and warnings; then random customers' 360 views through
 * the API by a fixed number of clients, each waiting for its answer before the next
 * request (closed loop), after an unmeasured warm-up.
 */
@Command(name = "customer360", mixinStandardHelpOptions = true,
		description = "Latency of the customer 360 API for random customers of a large archive.")
public final class Customer360Benchmark implements Callable<Integer> {

	@Option(names = "--customers", defaultValue = "1000000", description = "Customers (${DEFAULT-VALUE}).")
	int customers;

	@Option(names = "--months", defaultValue = "9",
			description = "Months of history (${DEFAULT-VALUE}: about 100 million events for a million customers).")
	int months;

	@Option(names = "--requests", defaultValue = "2000", description = "Measured requests (${DEFAULT-VALUE}).")
	int requests;

	@Option(names = "--warmup", defaultValue = "300", description = "Unmeasured requests first (${DEFAULT-VALUE}).")
	int warmup;

	@Option(names = "--clients", defaultValue = "1", description = "Concurrent clients (${DEFAULT-VALUE}).")
	int clients;

	@Option(names = "--runs", defaultValue = "1", description = "Measured rounds (${DEFAULT-VALUE}).")
	int runs;

	@Option(names = "--no-scores", description = "Skip grading, training and scoring: views without risk or warnings.")
	boolean noScores;

	@Option(names = "--algorithm", defaultValue = "gbdt",
			description = "Model trained from the archive (${DEFAULT-VALUE}).")
	String algorithm;

	@Mixin
	AppServerOptions options;

	@Override
	public Integer call() throws Exception {
		Map<String, Object> report = Reports.headOnMachine("customer360", this.customers, this.months);
		try (AppServer bench = AppServer.start(this.options, "cg-360-bench")) {
			ServerProcess server = bench.server();
			ApiClient api = ApiClient.retentionHead(server);
			report.put("load", bench.load(new Company(this.customers, this.months, this.options.seed())));
			if (!this.noScores) {
				Map<String, Object> training = Preparation.trainUnlessChampion(api, this.algorithm, 3);
				report.put("training", training);
				if (training.containsKey("modelId")) {
					report.put("grading", Preparation.grade(api));
					report.put("dailyJob", Preparation.dailyJob(api, server));
				}
			}
			Preparation.settle(server, Duration.ofMinutes(10));
			List<String> ids = Preparation.customerIds(server, "select customer_id from customer");
			report.put("eventsInArchive", count(server));
			System.err.printf("warm-up: %,d requests%n", this.warmup);
			measure(api, ids, this.warmup, new SplittableRandom(0));
			List<Map<String, Object>> rounds = new ArrayList<>();
			for (int r = 1; r <= this.runs; r++) {
				System.err.printf("round %d: %,d requests by %d client(s)%n", r, this.requests, this.clients);
				long started = System.nanoTime();
				Result result = measure(api, ids, this.requests, new SplittableRandom(r));
				double seconds = (System.nanoTime() - started) / 1e9;
				Map<String, Object> round = new LinkedHashMap<>();
				round.put("run", r);
				round.put("clients", this.clients);
				round.put("requests", this.requests);
				round.put("errors", result.errors());
				round.put("requestsPerSecond", Math.round(this.requests / seconds));
				round.put("latencyMs", Percentiles.of(result.latenciesMs()).summaryMs());
				round.put("meanResponseBytes", result.bytes() / Math.max(1, this.requests));
				System.err.printf("  p50 %s ms, p95 %s ms, p99 %s ms%n",
						((Map<?, ?>) round.get("latencyMs")).get("p50"),
						((Map<?, ?>) round.get("latencyMs")).get("p95"),
						((Map<?, ?>) round.get("latencyMs")).get("p99"));
				rounds.add(round);
			}
			report.put("rounds", rounds);
			report.put("target", "p95 under 50 ms with 1 million customers and 100 million events loaded");
		}
		System.out.println(Workspaces.json(report));
		return 0;
	}

	private static long count(ServerProcess server) {
		try (var db = server.database(true);
				var statement = db.createStatement();
				var rs = statement.executeQuery("select count(*) from event")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			return -1;
		}
	}

	private Result measure(ApiClient api, List<String> ids, int count, SplittableRandom random) throws Exception {
		double[] latencies = new double[count];
		AtomicLong errors = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		String[] chosen = new String[count];
		for (int i = 0; i < count; i++) {
			chosen[i] = ids.get(random.nextInt(ids.size()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(this.clients);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < this.clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					for (int i = client; i < count; i += this.clients) {
						HttpRequest request = api.request("/api/v1/customers/" + chosen[i], Duration.ofSeconds(30))
							.GET()
							.build();
						long started = System.nanoTime();
						try {
							HttpResponse<byte[]> response = api.http()
								.send(request, HttpResponse.BodyHandlers.ofByteArray());
							latencies[i] = (System.nanoTime() - started) / 1e6;
							bytes.addAndGet(response.body().length);
							if (response.statusCode() != 200) {
								errors.incrementAndGet();
							}
						}
						catch (java.io.IOException ex) {
							latencies[i] = (System.nanoTime() - started) / 1e6;
							errors.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return new Result(latencies, errors.get(), bytes.get());
	}

	private record Result(double[] latenciesMs, long errors, long bytes) {
	}

}
