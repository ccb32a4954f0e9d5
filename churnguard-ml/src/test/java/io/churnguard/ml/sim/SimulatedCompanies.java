package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Simulations shared by the test classes of one JVM: a 12-month company per preset (the
 * operator with 20,000 customers, the others with 8,000) is simulated once, into a
 * temporary directory removed at exit.
 */
final class SimulatedCompanies {

	static final int CUSTOMERS = 20_000;

	static final int OTHER_CUSTOMERS = 8_000;

	static final int MONTHS = 12;

	static final long SEED = 42;

	private static final Map<Preset, Path> COMPANIES = new HashMap<>();

	private static final Map<Preset, SimulationSummary> SUMMARIES = new HashMap<>();

	private static final Map<Preset, Path> UNTREATED_QUARTERS = new HashMap<>();

	private static Path root;

	private SimulatedCompanies() {
	}

	static synchronized Path of(Preset preset) {
		return COMPANIES.computeIfAbsent(preset, (p) -> {
			Path dir = newDirectory(p.code());
			try {
				SUMMARIES.put(p, Simulator.run(
						SimulationConfig.of(p, (p == Preset.TELECOM) ? CUSTOMERS : OTHER_CUSTOMERS, MONTHS, SEED),
						dir));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return dir;
		});
	}

	static synchronized SimulationSummary summary(Preset preset) {
		of(preset);
		return SUMMARIES.get(preset);
	}

	/**
	 * The company of {@link #of(Preset)} continued by three months without treatments.
	 */
	static synchronized Path untreatedQuarter(Preset preset) {
		return UNTREATED_QUARTERS.computeIfAbsent(preset,
				(p) -> continued(of(p), 3, List.of(), p.code() + "-untreated"));
	}

	static Path continued(Path stateDir, int months, List<Treatment> treatments, String name) {
		Path dir = newDirectory(name);
		try {
			Simulator.continueFrom(stateDir, months, treatments, dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return dir;
	}

	/** The ids of the customers who churned in a run's written months. */
	static Set<String> churnersIn(Path dir, LocalDate from) {
		Set<String> churners = new HashSet<>();
		SimulationFiles.customers(dir).forEach((id, row) -> {
			String date = row.get("churn_date");
			if (!date.isEmpty() && !LocalDate.parse(date).isBefore(from)) {
				churners.add(id);
			}
		});
		return churners;
	}

	static synchronized Path newDirectory(String name) {
		try {
			if (root == null) {
				root = Files.createTempDirectory("churnguard-sim-test");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
			}
			return Files.createTempDirectory(root, name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory: the system cleans it up eventually.
		}
	}

}
