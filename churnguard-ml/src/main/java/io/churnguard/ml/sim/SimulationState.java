package io.churnguard.ml.sim;

/**
 * The contents of {@code simulation.json}: what is needed to continue a simulation
 * exactly where it stopped. Together with {@code treatments.csv} (every treatment applied
 * so far) it determines every customer's history.
 *
 * @param formatVersion the version of this file's layout
 * @param preset the preset's code
 * @param customers the number of customers
 * @param seed the seed
 * @param startDate the first simulated day ({@code yyyy-MM-dd})
 * @param months the months simulated so far
 * @param joinWindowMonths the months over which new customers joined (those of the first
 * run)
 * @param targetMonthlyChurnRate the target the hazard was calibrated to
 * @param hazardScale the calibrated hazard scale, kept so a continuation never
 * recalibrates
 * @param treatments the number of rows in treatments.csv
 */
public record SimulationState(int formatVersion, String preset, int customers, long seed, String startDate, int months,
		int joinWindowMonths, double targetMonthlyChurnRate, double hazardScale, int treatments) {

	/** The layout written by this version. */
	public static final int FORMAT_VERSION = 1;

	/** The name of the state file in an output directory. */
	public static final String FILE_NAME = "simulation.json";

}
