package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Simulations shared by the test classes of one JVM: a 20,000-customer, 12-month company
 * per preset is simulated once, into a temporary directory removed at exit.
 */
final class SimulatedCompanies {

	static final int CUSTOMERS = 20_000;

	static final int MONTHS = 12;

	static final long SEED = 42;

	private static final Map<Preset, Path> COMPANIES = new HashMap<>();

	private static Path root;

	private SimulatedCompanies() {
	}

	static synchronized Path of(Preset preset) {
		return COMPANIES.computeIfAbsent(preset, (p) -> {
			Path dir = newDirectory(p.code());
			try {
				Simulator.run(SimulationConfig.of(p, CUSTOMERS, MONTHS, SEED), dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return dir;
		});
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
