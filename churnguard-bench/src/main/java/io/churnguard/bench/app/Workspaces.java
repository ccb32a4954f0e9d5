package io.churnguard.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Temporary workspaces and the description of the machine a figure was measured on. */
public final class Workspaces {

	private Workspaces() {
	}

	/**
	 * @param given a directory named with {@code --work-dir} (kept), or null
	 * @param prefix the temporary directory's prefix
	 * @return the directory to work in
	 */
	public static Path open(Path given, String prefix) {
		try {
			return (given != null) ? Files.createDirectories(given).toAbsolutePath()
					: Files.createTempDirectory(prefix).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes a directory tree, quietly: a leftover file must not hide the figures.
	 * @param dir the directory
	 */
	public static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("could not delete " + dir + ": " + ex.getMessage());
		}
	}

	/**
	 * Processors, memory and load: figures depend on the machine and on what else ran on
	 * it, so every report carries them.
	 * @return the machine's description
	 */
	public static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
		machine.put("loadAverage1m",
				Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			machine.put("memoryGB", Math.round(os.getTotalMemorySize() / 1e9 * 10) / 10.0);
		}
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.version"));
		machine.put("caveat", "figures depend on this machine and on whatever else ran on it during the run");
		return machine;
	}

	/**
	 * @param report the figures
	 * @return them as indented JSON
	 */
	public static String json(Object report) {
		try {
			return ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
