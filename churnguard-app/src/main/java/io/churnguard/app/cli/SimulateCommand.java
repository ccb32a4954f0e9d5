package io.churnguard.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.SimulationProgress;
import io.churnguard.ml.sim.SimulationSummary;
import io.churnguard.ml.sim.Simulator;
import io.churnguard.ml.sim.Treatment;
import io.churnguard.ml.sim.TreatmentsCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = {
		"Simulate a company: customers.csv, events.csv (ChurnGuard's import formats) and truth.csv "
				+ "(the ground truth: churn dates, churn probabilities, true effect of each retention action).",
		"The same seed gives byte-identical files. Prints a JSON summary; progress goes to stderr.",
		"Continue a simulation with retention actions applied: --continue DIR --months M --treatments F --out NEW_DIR." })
final class SimulateCommand implements Callable<Integer> {

	@Option(names = "--customers", description = "Number of customers (default: 10000).")
	Integer customers;

	@Option(names = "--months", required = true, description = "Months to simulate (or to add, with --continue).")
	int months;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default: 1).")
	long seed;

	@Option(names = "--preset", defaultValue = "telecom",
			description = "Kind of company: telecom (default), bank or subscription.")
	String preset;

	@Option(names = "--churn-rate",
			description = "Monthly churn rate to calibrate to, e.g. 0.02 " + "(default: the preset's; telecom 2 %%).")
	Double churnRate;

	@Option(names = "--start-date", description = "First simulated day (default: 2025-01-01).")
	LocalDate startDate;

	@Option(names = "--threads", defaultValue = "0",
			description = "Worker threads (default: one per processor); never changes the output.")
	int threads;

	@Option(names = "--out", required = true, description = "Directory to write the files to.")
	Path out;

	@Option(names = "--continue", description = "Continue the simulation written to this directory.")
	Path continueFrom;

	@Option(names = "--treatments", description = "treatments.csv (customer_id, action, date) to apply in the added "
			+ "months; actions: callback, discount, upgrade_offer, loyalty_points.")
	Path treatments;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		SimulationProgress progress = progress();
		SimulationSummary summary;
		try {
			if (this.continueFrom != null) {
				List<Treatment> actions = (this.treatments != null) ? TreatmentsCsv.read(this.treatments) : List.of();
				summary = Simulator.continueFrom(this.continueFrom, this.months, actions, this.out, this.threads,
						progress);
			}
			else {
				if (this.treatments != null) {
					throw new IllegalArgumentException(
							"--treatments applies to a continued simulation (--continue DIR)");
				}
				SimulationConfig config = SimulationConfig
					.of(Preset.fromCode(this.preset), (this.customers != null) ? this.customers : 10_000, this.months,
							this.seed)
					.withThreads(this.threads);
				if (this.churnRate != null) {
					config = config.withTargetMonthlyChurnRate(this.churnRate);
				}
				if (this.startDate != null) {
					config = config.withStartDate(this.startDate);
				}
				summary = Simulator.run(config, this.out, progress);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		this.spec.commandLine().getErr().println();
		this.spec.commandLine().getOut().println(Json.pretty(summary));
		return 0;
	}

	private SimulationProgress progress() {
		long started = System.nanoTime();
		return (done, total) -> {
			double seconds = (System.nanoTime() - started) / 1e9;
			this.spec.commandLine().getErr().printf("\rsimulated %,d of %,d customers (%.0f s)", done, total, seconds);
			this.spec.commandLine().getErr().flush();
		};
	}

}
