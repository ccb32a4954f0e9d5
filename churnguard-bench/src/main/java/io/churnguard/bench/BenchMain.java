package io.churnguard.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./churnguard bench <name>}. Each benchmark is a subcommand that
 * prints one JSON object with its figures on stdout and its progress on stderr, so runs
 * can be compared and archived.
 */
@Command(name = "churnguard bench", mixinStandardHelpOptions = true,
		description = "Measure ChurnGuard's throughput and latency on this machine.",
		subcommands = { CommandLine.HelpCommand.class, io.churnguard.bench.features.FeaturesBench.class,
				io.churnguard.bench.sim.SimulateBenchmark.class, io.churnguard.bench.models.ModelsBenchmark.class,
				io.churnguard.bench.ingest.ImportBenchmark.class, io.churnguard.bench.realtime.RealtimeBenchmark.class,
				io.churnguard.bench.customer360.Customer360Benchmark.class,
				io.churnguard.bench.features.FeaturesPgBenchmark.class })
public final class BenchMain implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(new CommandLine(new BenchMain()).execute(args));
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(System.err);
	}

}
