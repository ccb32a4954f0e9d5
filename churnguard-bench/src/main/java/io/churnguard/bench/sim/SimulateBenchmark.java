package io.churnguard.bench.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.SimulationSummary;
import io.churnguard.ml.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./churnguard bench simulate}: how many events per second the simulator writes to
 * CSV, calibration and ground truth included. A small warm-up run first lets the JIT
 * compile the hot paths, so the figure is the steady state a large run sees.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = "Measure the simulator's throughput: events written to CSV per second.")
public final class SimulateBenchmark implements Callable<Integer> {

	@Option(names = "--customers", defaultValue = "1000000", description = "Customers to simulate (${DEFAULT-VALUE}).")
	int customers;

	@Option(names = "--months", defaultValue = "12", description = "Months to simulate (${DEFAULT-VALUE}).")
	int months;

	@Option(names = "--seed", defaultValue = "1", description = "Seed (${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--preset", defaultValue = "telecom", description = "telecom, bank or subscription.")
	String preset;

	@Option(names = "--threads", defaultValue = "0", description = "Worker threads; 0: one per processor.")
	int threads;

	@Option(names = "--warmup-customers", defaultValue = "50000",
			description = "Customers of the untimed warm-up run (${DEFAULT-VALUE}); 0: none.")
	int warmupCustomers;

	@Option(names = "--runs", defaultValue = "1", description = "Timed runs; the best is reported with all.")
	int runs;

	@Option(names = "--out", description = "Directory to write to; default a temporary one, deleted afterwards.")
	Path out;

	@Override
	public Integer call() throws IOException {
		Preset kind = Preset.fromCode(this.preset);
		Path dir = (this.out != null) ? Files.createDirectories(this.out) : Files.createTempDirectory("cg-sim-bench");
		try {
			if (this.warmupCustomers > 0) {
				System.err.printf("warm-up: %,d customers%n", this.warmupCustomers);
				Simulator.run(SimulationConfig.of(kind, this.warmupCustomers, this.months, this.seed + 1)
					.withThreads(this.threads), dir);
			}
			SimulationConfig config = SimulationConfig.of(kind, this.customers, this.months, this.seed)
				.withThreads(this.threads);
			double best = Double.MAX_VALUE;
			double[] seconds = new double[this.runs];
			SimulationSummary summary = null;
			for (int run = 0; run < this.runs; run++) {
				System.err.printf("run %d: %,d customers x %d months%n", run + 1, this.customers, this.months);
				long start = System.nanoTime();
				summary = Simulator.run(config, dir, (done, total) -> progress(done, total));
				seconds[run] = (System.nanoTime() - start) / 1e9;
				best = Math.min(best, seconds[run]);
				System.err.println();
			}
			long bytes = Files.size(dir.resolve("events.csv")) + Files.size(dir.resolve("customers.csv"))
					+ Files.size(dir.resolve("truth.csv"));
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "simulate");
			result.put("preset", kind.code());
			result.put("customers", this.customers);
			result.put("months", this.months);
			result.put("threads", config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors());
			result.put("events", summary.events());
			result.put("churners", summary.churners());
			result.put("monthlyChurnRate", summary.monthlyChurnRate());
			result.put("bytesWritten", bytes);
			result.put("seconds", best);
			result.put("allSeconds", seconds);
			result.put("eventsPerSecond", Math.round(summary.events() / best));
			result.put("megabytesPerSecond", Math.round(bytes / best / 1e6 * 10) / 10.0);
			result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
			result.put("java", System.getProperty("java.version"));
			System.out
				.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
			return 0;
		}
		finally {
			if (this.out == null) {
				delete(dir);
			}
		}
	}

	private static void progress(long done, long total) {
		if (done == total || done % 200_000 < 1_000) {
			System.err.printf("\r  %,d / %,d customers", done, total);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
