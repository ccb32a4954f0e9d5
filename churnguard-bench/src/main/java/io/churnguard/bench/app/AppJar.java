package io.churnguard.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's executable jar, run the way a user runs it: {@code java -jar
 * churnguard.jar <command>} as a child process, its JSON read from stdout, its progress
 * and logs written to a file.
 *
 * @param jar the jar
 * @param jvmOptions options for every JVM started from it
 */
public record AppJar(Path jar, List<String> jvmOptions) {

	/**
	 * The jar given, or the one the launcher builds next to this benchmark jar
	 * ({@code churnguard-app/target/churnguard.jar}), or the one under the current
	 * directory.
	 * @param given a jar named on the command line, or null
	 * @param jvmOptions options for its JVMs, space separated, or blank; after the
	 * launcher's defaults ({@code CHURNGUARD_JVM_DEFAULTS})
	 * @return the jar
	 */
	public static AppJar locate(Path given, String jvmOptions) {
		// The launcher's defaults first (huge pages where the kernel offers them), so a
		// benchmark's server runs as ./churnguard serve would; the options given follow
		// and win.
		List<String> options = new ArrayList<>(words(System.getenv("CHURNGUARD_JVM_DEFAULTS")));
		options.addAll(words(jvmOptions));
		if (given != null) {
			return new AppJar(requireFile(given), options);
		}
		try {
			Path self = Path.of(AppJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			// churnguard-bench/target/churnguard-bench.jar -> the project root
			Path root = self.toAbsolutePath().getParent().getParent().getParent();
			Path sibling = root.resolve("churnguard-app/target/churnguard.jar");
			if (Files.isRegularFile(sibling)) {
				return new AppJar(sibling, options);
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// fall through to the working directory
		}
		return new AppJar(requireFile(Path.of("churnguard-app/target/churnguard.jar")), options);
	}

	private static List<String> words(String options) {
		return (options == null || options.isBlank()) ? List.of() : List.of(options.strip().split("\\s+"));
	}

	private static Path requireFile(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("the application jar " + jar
					+ " does not exist: build it (./churnguard builds it) or give --app-jar");
		}
		return jar.toAbsolutePath();
	}

	/**
	 * The command line of {@code java [options] -jar churnguard.jar <arguments>}.
	 * @param arguments the command and its options
	 * @return the process's command line
	 */
	public List<String> command(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		command.addAll(arguments);
		return command;
	}

	/**
	 * Runs a CLI command to its end.
	 * @param log where its stderr goes (appended)
	 * @param arguments the command and its options
	 * @return its exit code, stdout and wall time
	 */
	public Run run(Path log, String... arguments) {
		ProcessBuilder builder = new ProcessBuilder(command(List.of(arguments)))
			.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
		long started = System.nanoTime();
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			return new Run(exit, out, (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + String.join(" ", arguments), ex);
		}
	}

	/**
	 * A finished CLI command.
	 *
	 * @param exitCode its exit code
	 * @param stdout what it printed on stdout (JSON)
	 * @param wallMs from starting the JVM to its exit
	 */
	public record Run(int exitCode, String stdout, long wallMs) {

		/**
		 * @param what the command, for the message
		 * @param log where its stderr went
		 * @return this run when it succeeded
		 */
		public Run requireSuccess(String what, Path log) {
			if (this.exitCode != 0) {
				throw new IllegalStateException(what + " failed with exit code " + this.exitCode + "; see " + log);
			}
			return this;
		}

	}

}
