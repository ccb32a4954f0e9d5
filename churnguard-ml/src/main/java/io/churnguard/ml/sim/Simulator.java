package io.churnguard.ml.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The company simulator: writes customers.csv, events.csv and truth.csv (in the formats
 * of {@code docs/data-formats.md}), plus {@code simulation.json} and treatments.csv, from
 * which a later run continues the same company with new treatments applied.
 * <p>
 * Output is a pure function of the config: the same seed gives byte-identical files on
 * any number of threads. Memory stays constant in the number of customers (except for the
 * treatments, which are held in memory).
 */
public final class Simulator {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private Simulator() {
	}

	/**
	 * Runs a simulation from scratch.
	 * @param config what to simulate
	 * @param outDir the directory to write to (created if absent; files replaced)
	 * @return what was written
	 * @throws IOException when a file cannot be written
	 * @throws IllegalArgumentException when a treatment names an unknown customer or lies
	 * outside the simulated months
	 */
	public static SimulationSummary run(SimulationConfig config, Path outDir) throws IOException {
		return run(config, outDir, SimulationProgress.NONE);
	}

	/**
	 * Runs a simulation from scratch, reporting progress.
	 * @param config what to simulate
	 * @param outDir the directory to write to (created if absent; files replaced)
	 * @param progress receives progress after each chunk of customers
	 * @return what was written
	 * @throws IOException when a file cannot be written
	 */
	public static SimulationSummary run(SimulationConfig config, Path outDir, SimulationProgress progress)
			throws IOException {
		SimCalendar calendar = new SimCalendar(config.startDate(),
				SimCalendar.daysIn(config.startDate(), config.months()));
		TreatmentBook book = TreatmentBook.of(config.treatments(), config.customers(),
				CustomerFactory.idWidth(config.customers()), calendar, 0, calendar.horizonDays);
		double scale = HazardCalibration.calibrate(config.preset(), calendar, config.seed(), config.months(),
				config.targetMonthlyChurnRate());
		SimulationSetup setup = new SimulationSetup(config.preset(), calendar, config.seed(), config.customers(),
				config.months(), 0, scale, book);
		Files.createDirectories(outDir);
		ChunkPipeline.Totals totals = ChunkPipeline.run(setup, config.effectiveThreads(), outDir, progress);
		SimulationState state = new SimulationState(SimulationState.FORMAT_VERSION, config.preset().code(),
				config.customers(), config.seed(), config.startDate().toString(), config.months(), config.months(),
				config.targetMonthlyChurnRate(), scale, config.treatments().size());
		writeState(outDir, state, config.treatments());
		return summary(state, config.startDate(), config.endDate(), config.months(), totals);
	}

	/**
	 * Continues a simulation for more months with new treatments, re-creating every
	 * customer's history exactly (old treatments included) and writing the new months'
	 * events only. customers.csv and truth.csv describe the new end; simulation.json and
	 * treatments.csv (all treatments so far) let it be continued again.
	 * @param stateDir the output directory of an earlier run
	 * @param moreMonths the months to add, at least 1
	 * @param treatments new treatments, dated within the added months
	 * @param outDir a different directory to write to
	 * @return what was written: the added months only
	 * @throws IOException when the state cannot be read or a file cannot be written
	 * @throws IllegalArgumentException when a treatment lies outside the added months or
	 * names an unknown customer, or the directories are the same
	 */
	public static SimulationSummary continueFrom(Path stateDir, int moreMonths, List<Treatment> treatments, Path outDir)
			throws IOException {
		return continueFrom(stateDir, moreMonths, treatments, outDir, 0, SimulationProgress.NONE);
	}

	/**
	 * Continues a simulation, with a thread count and progress reporting; see
	 * {@link #continueFrom(Path, int, List, Path)}.
	 * @param threads worker threads, 0 for one per processor
	 */
	public static SimulationSummary continueFrom(Path stateDir, int moreMonths, List<Treatment> treatments, Path outDir,
			int threads, SimulationProgress progress) throws IOException {
		if (moreMonths < 1) {
			throw new IllegalArgumentException("moreMonths must be at least 1, not " + moreMonths);
		}
		if (Files.exists(outDir) && Files.isSameFile(stateDir, outDir)) {
			throw new IllegalArgumentException("continue into a new directory: " + outDir + " holds the state");
		}
		SimulationState previous = readState(stateDir);
		Path previousTreatments = stateDir.resolve(TreatmentsCsv.FILE_NAME);
		List<Treatment> all = new ArrayList<>(
				Files.exists(previousTreatments) ? TreatmentsCsv.read(previousTreatments) : List.of());
		all.addAll(treatments);
		LocalDate start = LocalDate.parse(previous.startDate());
		int months = previous.months() + moreMonths;
		SimCalendar calendar = new SimCalendar(start, SimCalendar.daysIn(start, months));
		int windowStart = SimCalendar.daysIn(start, previous.months());
		int idWidth = CustomerFactory.idWidth(previous.customers());
		// The new treatments must lie in the new months: the past is written already.
		TreatmentBook.of(treatments, previous.customers(), idWidth, calendar, windowStart, calendar.horizonDays);
		TreatmentBook book = TreatmentBook.of(all, previous.customers(), idWidth, calendar, 0, calendar.horizonDays);
		Preset preset = Preset.fromCode(previous.preset());
		SimulationSetup setup = new SimulationSetup(preset, calendar, previous.seed(), previous.customers(),
				previous.joinWindowMonths(), windowStart, previous.hazardScale(), book);
		Files.createDirectories(outDir);
		int workers = (threads > 0) ? threads : Runtime.getRuntime().availableProcessors();
		ChunkPipeline.Totals totals = ChunkPipeline.run(setup, workers, outDir, progress);
		SimulationState state = new SimulationState(SimulationState.FORMAT_VERSION, previous.preset(),
				previous.customers(), previous.seed(), previous.startDate(), months, previous.joinWindowMonths(),
				previous.targetMonthlyChurnRate(), previous.hazardScale(), all.size());
		writeState(outDir, state, all);
		return summary(state, start.plusMonths(previous.months()), start.plusMonths(months), moreMonths, totals);
	}

	/**
	 * Reads the {@code simulation.json} of an output directory.
	 * @param stateDir the directory
	 * @return the state
	 * @throws IOException when it cannot be read or has an unknown layout
	 */
	public static SimulationState readState(Path stateDir) throws IOException {
		SimulationState state = JSON.readValue(stateDir.resolve(SimulationState.FILE_NAME).toFile(),
				SimulationState.class);
		if (state.formatVersion() != SimulationState.FORMAT_VERSION) {
			throw new IOException("unsupported simulation.json format version " + state.formatVersion());
		}
		return state;
	}

	private static void writeState(Path outDir, SimulationState state, List<Treatment> treatments) throws IOException {
		JSON.writeValue(outDir.resolve(SimulationState.FILE_NAME).toFile(), state);
		TreatmentsCsv.write(outDir.resolve(TreatmentsCsv.FILE_NAME), treatments);
	}

	private static SimulationSummary summary(SimulationState state, LocalDate from, LocalDate to, int months,
			ChunkPipeline.Totals totals) {
		double customerMonths = totals.riskDaysInWindow() / 30.4375;
		double rate = (customerMonths > 0) ? totals.churners() / customerMonths : 0;
		return new SimulationSummary(state.preset(), state.seed(), state.customers(), months, from.toString(),
				to.toString(), totals.events(), totals.churners(), rate, totals.treatments());
	}

}
