package io.churnguard.ml.sim;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate: a company of a preset, its number of customers, the months to run,
 * the seed that makes the run reproducible, the start date, the monthly churn rate to
 * calibrate to, and retention actions to apply along the way.
 *
 * @param preset the kind of company
 * @param customers the number of customers, at least 1
 * @param months the months to simulate, 1 to 1200
 * @param seed the seed; the same config gives byte-identical files
 * @param startDate the first simulated day
 * @param targetMonthlyChurnRate the monthly churn rate (churners per customer-month) the
 * hazard is calibrated to, above 0 and below 0.5
 * @param treatments retention actions dated within the simulated months
 * @param threads worker threads, 0 for one per available processor; never changes the
 * output
 */
public record SimulationConfig(Preset preset, int customers, int months, long seed, LocalDate startDate,
		double targetMonthlyChurnRate, List<Treatment> treatments, int threads) {

	/** The default start date, 2025-01-01. */
	public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 1);

	public SimulationConfig {
		Objects.requireNonNull(preset, "preset");
		Objects.requireNonNull(startDate, "startDate");
		treatments = List.copyOf(treatments);
		if (customers < 1) {
			throw new IllegalArgumentException("customers must be at least 1, not " + customers);
		}
		if (months < 1 || months > 1200) {
			throw new IllegalArgumentException("months must be between 1 and 1200, not " + months);
		}
		if (!(targetMonthlyChurnRate > 0 && targetMonthlyChurnRate < 0.5)) {
			throw new IllegalArgumentException(
					"the target monthly churn rate must lie above 0 and below 0.5, not " + targetMonthlyChurnRate);
		}
		if (threads < 0) {
			throw new IllegalArgumentException("threads must not be negative, not " + threads);
		}
	}

	/**
	 * A config with the preset's default churn rate, start 2025-01-01, no treatments and
	 * one thread per processor.
	 */
	public static SimulationConfig of(Preset preset, int customers, int months, long seed) {
		return new SimulationConfig(preset, customers, months, seed, DEFAULT_START, preset.defaultMonthlyChurnRate(),
				List.of(), 0);
	}

	/** The same config starting on another day. */
	public SimulationConfig withStartDate(LocalDate startDate) {
		return new SimulationConfig(this.preset, this.customers, this.months, this.seed, startDate,
				this.targetMonthlyChurnRate, this.treatments, this.threads);
	}

	/** The same config calibrated to another monthly churn rate, e.g. {@code 0.015}. */
	public SimulationConfig withTargetMonthlyChurnRate(double rate) {
		return new SimulationConfig(this.preset, this.customers, this.months, this.seed, this.startDate, rate,
				this.treatments, this.threads);
	}

	/** The same config with retention actions, dated within the simulated months. */
	public SimulationConfig withTreatments(List<Treatment> treatments) {
		return new SimulationConfig(this.preset, this.customers, this.months, this.seed, this.startDate,
				this.targetMonthlyChurnRate, treatments, this.threads);
	}

	/** The same config on another number of threads (0: one per processor). */
	public SimulationConfig withThreads(int threads) {
		return new SimulationConfig(this.preset, this.customers, this.months, this.seed, this.startDate,
				this.targetMonthlyChurnRate, this.treatments, threads);
	}

	/** The day after the last simulated day. */
	public LocalDate endDate() {
		return this.startDate.plusMonths(this.months);
	}

	int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
