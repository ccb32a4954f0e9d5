package io.churnguard.bench.features;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.EventBlock;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.ObservationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./churnguard bench features}: the default feature set over simulated events,
 * computed by ChurnGuard's batch runner and by DuckDB SQL on the same data in the same
 * run, with throughput, peak heap and a check that both engines computed the same values.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
		description = "Feature engine throughput against DuckDB SQL on the same simulated events.")
public final class FeaturesBench implements Callable<Integer> {

	private static final double MB = 1024.0 * 1024.0;

	@Option(names = "--events", description = "Events to simulate (default ${DEFAULT-VALUE}).")
	long events = 100_000_000L;

	@Option(names = "--customers", description = "Customers (default ${DEFAULT-VALUE}).")
	int customers = 1_000_000;

	@Option(names = "--threads", description = "Threads for both engines (default: all cores).")
	int threads = Runtime.getRuntime().availableProcessors();

	@Option(names = "--seed", description = "Seed of the simulated data (default ${DEFAULT-VALUE}).")
	long seed = 20251124L;

	@Option(names = "--as-of", description = "Observation date (default ${DEFAULT-VALUE}).")
	LocalDate asOf = LocalDate.of(2025, 7, 1);

	@Option(names = "--runs", description = "Timed runs of each engine; the fastest counts (default ${DEFAULT-VALUE}).")
	int runs = 1;

	@Option(names = "--incremental-events",
			description = "Events to feed the incremental runner one at a time; 0 skips it (default ${DEFAULT-VALUE}).")
	long incrementalEvents = 2_000_000L;

	@Option(names = "--no-duckdb", description = "Measure ChurnGuard only.")
	boolean noDuckDb;

	@Option(names = "--sample-every",
			description = "Compare every n-th customer's values exactly (default ${DEFAULT-VALUE}).")
	int sampleEvery = 1000;

	@Override
	public Integer call() throws Exception {
		Map<String, Object> report = run();
		System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
		return 0;
	}

	Map<String, Object> run() throws Exception {
		FeatureSet features = FeatureSet.defaults();
		FeaturePlan plan = FeaturePlan.compile(features);
		int asOfDay = (int) this.asOf.toEpochDay();
		int numeric = features.numericNames().size();
		int categorical = features.categoricalNames().size();

		progress("generating %,d events of %,d customers", this.events, this.customers);
		long start = System.nanoTime();
		BenchDataset data = new BenchDataGenerator(plan, this.seed).generate(this.events, this.customers, asOfDay,
				this.threads);
		double generateSeconds = seconds(System.nanoTime() - start);

		BatchFeatureRunner runner = new BatchFeatureRunner(plan, this.threads);
		// Let the JIT compile the hot loops on a few blocks before timing.
		List<EventBlock> warmup = data.blocks().subList(0, Math.max(1, data.blocks().size() / 50));
		compute(runner, warmup, data, numeric, categorical, asOfDay);

		long best = Long.MAX_VALUE;
		long bestCpu = Long.MAX_VALUE;
		List<Double> runSeconds = new java.util.ArrayList<>();
		long peakHeap = 0;
		FeatureMatrix matrix = null;
		Runtime.getRuntime().gc();
		long heapBefore = usedHeap();
		for (int run = 0; run < this.runs; run++) {
			matrix = null;
			Runtime.getRuntime().gc();
			progress("ChurnGuard run %d", run + 1);
			try (HeapSampler heap = new HeapSampler()) {
				long cpu0 = processCpuNanos();
				long t0 = System.nanoTime();
				matrix = compute(runner, data.blocks(), data, numeric, categorical, asOfDay);
				long elapsed = System.nanoTime() - t0;
				bestCpu = Math.min(bestCpu, processCpuNanos() - cpu0);
				best = Math.min(best, elapsed);
				runSeconds.add(round(seconds(elapsed)));
				peakHeap = Math.max(peakHeap, heap.peak());
				progress("ChurnGuard run %d: %.2f s", run + 1, seconds(elapsed));
			}
		}

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("benchmark", "features");
		report.put("events", data.events());
		report.put("customers", data.customers());
		report.put("features", features.size());
		report.put("numericFeatures", numeric);
		report.put("threads", this.threads);
		report.put("generateSeconds", round(generateSeconds));
		Map<String, Object> churnGuard = new LinkedHashMap<>();
		churnGuard.put("elapsedSeconds", round(seconds(best)));
		churnGuard.put("runSeconds", runSeconds);
		churnGuard.put("cpuSeconds", round(seconds(bestCpu)));
		churnGuard.put("eventsPerCpuSecond", Math.round(data.events() / seconds(bestCpu)));
		churnGuard.put("eventsPerSecond", Math.round(data.events() / seconds(best)));
		churnGuard.put("peakHeapMB", Math.round(peakHeap / MB));
		churnGuard.put("heapBeforeRunMB", Math.round(heapBefore / MB));
		churnGuard.put("eventDataMB", Math.round(data.eventBytes() / MB));
		churnGuard.put("maxHeapMB", Math.round(Runtime.getRuntime().maxMemory() / MB));
		report.put("churnguard", churnGuard);
		if (this.incrementalEvents > 0) {
			progress("incremental runner on %,d events", Math.min(this.incrementalEvents, data.events()));
			report.put("incremental", IncrementalMeasurement.measure(plan, data, this.incrementalEvents, matrix));
		}

		if (!this.noDuckDb) {
			try (DuckDbReference duck = new DuckDbReference(plan, this.threads)) {
				progress("loading DuckDB");
				long t0 = System.nanoTime();
				duck.load(data);
				double loadSeconds = seconds(System.nanoTime() - t0);
				long duckBest = Long.MAX_VALUE;
				List<Double> duckSeconds = new java.util.ArrayList<>();
				long duckCpu = Long.MAX_VALUE;
				for (int run = 0; run < this.runs; run++) {
					progress("DuckDB run %d", run + 1);
					long cpu0 = processCpuNanos();
					long elapsed = duck.compute(asOfDay);
					duckCpu = Math.min(duckCpu, processCpuNanos() - cpu0);
					duckBest = Math.min(duckBest, elapsed);
					duckSeconds.add(round(seconds(elapsed)));
					progress("DuckDB run %d: %.2f s", run + 1, seconds(elapsed));
				}
				Map<String, Object> duckReport = new LinkedHashMap<>();
				duckReport.put("version", duck.version());
				duckReport.put("elapsedSeconds", round(seconds(duckBest)));
				duckReport.put("runSeconds", duckSeconds);
				duckReport.put("cpuSeconds", round(seconds(duckCpu)));
				duckReport.put("eventsPerCpuSecond", Math.round(data.events() / seconds(duckCpu)));
				duckReport.put("eventsPerSecond", Math.round(data.events() / seconds(duckBest)));
				duckReport.put("loadSeconds", round(loadSeconds));
				report.put("duckdb", duckReport);
				report.put("speedup", round((double) duckBest / best));
				report.put("cpuSpeedup", round((double) duckCpu / bestCpu));
				report.put("agreement", agreement(matrix, duck));
			}
		}
		report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
				System.getProperty("java.version")));
		return report;
	}

	private FeatureMatrix compute(BatchFeatureRunner runner, List<EventBlock> blocks, BenchDataset data, int numeric,
			int categorical, int asOfDay) {
		FeatureMatrix matrix = new FeatureMatrix(numeric, categorical, data.customers());
		runner.run(blocks.iterator(), data::attributes, ObservationPolicy.asOf(LocalDate.ofEpochDay(asOfDay)),
				() -> matrix, (done) -> {
				});
		matrix.completed(blocks.stream().mapToInt(EventBlock::customerCount).sum());
		return matrix;
	}

	/**
	 * Whether both engines computed the same values: checksums of all rows, and a sample
	 * exactly.
	 */
	private Map<String, Object> agreement(FeatureMatrix matrix, DuckDbReference duck) throws Exception {
		double[][] ours = matrix.checksums();
		double[][] theirs = duck.checksums();
		double worstSum = 0;
		boolean countsEqual = true;
		java.util.Set<String> differing = new java.util.TreeSet<>();
		List<String> names = matrix.numeric.length == 0 ? List.of() : duck.numericNames();
		for (int c = 0; c < ours[0].length; c++) {
			double scale = Math.max(1, Math.max(Math.abs(ours[0][c]), Math.abs(theirs[0][c])));
			worstSum = Math.max(worstSum, Math.abs(ours[0][c] - theirs[0][c]) / scale);
			if (ours[1][c] != theirs[1][c]) {
				countsEqual = false;
				differing.add(names.get(c));
			}
		}
		long compared = 0;
		long different = 0;
		for (Object[] row : duck.sample(this.sampleEvery)) {
			int customer = (Integer) row[0];
			double[] values = (double[]) row[1];
			String[] categories = (String[]) row[2];
			for (int c = 0; c < values.length; c++) {
				compared++;
				if (Double.compare(values[c], matrix.numeric[c][customer]) != 0) {
					different++;
					differing.add(names.get(c));
				}
			}
			for (int c = 0; c < categories.length; c++) {
				compared++;
				if (!java.util.Objects.equals(categories[c], matrix.categorical[c][customer])) {
					different++;
				}
			}
		}
		Map<String, Object> agreement = new LinkedHashMap<>();
		agreement.put("nonNullCountsEqual", countsEqual);
		agreement.put("maxRelativeChecksumDifference", worstSum);
		agreement.put("sampledValues", compared);
		agreement.put("sampledValuesDifferent", different);
		agreement.put("featuresDiffering", differing);
		return agreement;
	}

	// Process CPU time, DuckDB's native threads included: a fairer yardstick than wall
	// time
	// on a machine shared with other work.
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long usedHeap() {
		return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private static void progress(String format, Object... arguments) {
		System.err.printf(format + "%n", arguments);
	}

}
