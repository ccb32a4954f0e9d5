package io.churnguard.app.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.churnguard.app.support.Http;
import io.churnguard.app.support.TestWorkspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executable jar as a user runs it: the first start prints a one-time administrator
 * password that signs in, and a restart keeps the data (the admin is not created again
 * and the password still works).
 */
class ServerLaunchIT {

	private static final Path JAR = Path.of("target", "churnguard.jar");

	private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

	@Test
	void theFirstStartPrintsAPasswordThatSignsInAndARestartKeepsTheData() throws Exception {
		assertThat(JAR).as("built by 'mvn package'").exists();
		Path workspace = TestWorkspace.newDirectory();
		int port = freePort();

		String password;
		try (Server first = Server.start(workspace, port)) {
			List<String> banner = first.awaitReady();
			password = banner.stream()
				.map(PASSWORD::matcher)
				.filter(Matcher::find)
				.map(m -> m.group(1))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no password printed: " + banner));
			assertThat(Http.api(port).get("/api/v1/me", "Authorization", Http.basic("admin", password)).statusCode())
				.isEqualTo(200);
			// Ctrl-C stops the web server, then the database it uses, in that order: an
			// embedded PostgreSQL stopped first made the shutdown log a stack trace.
			assertThat(first.stop()).as("the log of a clean shutdown")
				.noneMatch(line -> line.contains("Exception") || line.contains(" ERROR "));
		}
		assertThat(Files.exists(workspace.resolve("pg").resolve("PG_VERSION"))).isTrue();

		try (Server second = Server.start(workspace, port)) {
			List<String> banner = second.awaitReady();
			assertThat(String.join("\n", banner)).as("no second administrator, no second password")
				.doesNotContain("password:");
			assertThat(Http.api(port).get("/api/v1/me", "Authorization", Http.basic("admin", password)).statusCode())
				.isEqualTo(200);
		}
	}

	@Test
	void theCommandLineDescribesItself() throws Exception {
		assertThat(run("--version")).contains("ChurnGuard ");
		assertThat(run("--help")).contains("serve", "demo", "audit");
	}

	private static String run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The server process; closing it sends SIGTERM, like Ctrl-C, and waits for a clean
	 * stop.
	 */
	private static final class Server implements AutoCloseable {

		private final Process process;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final Thread reader;

		private Server(Process process) {
			this.process = process;
			Thread reader = new Thread(() -> {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// the process ended
				}
			});
			reader.setDaemon(true);
			reader.start();
			this.reader = reader;
		}

		static Server start(Path workspace, int port) throws IOException {
			Process process = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "serve", "--port",
					Integer.toString(port), "--data-dir", workspace.toString())
				.redirectError(workspace.resolveSibling(workspace.getFileName() + "-stderr.log").toFile())
				.start();
			return new Server(process);
		}

		/**
		 * Reads stdout until the ready banner has been printed; returns the banner's
		 * lines.
		 */
		List<String> awaitReady() throws InterruptedException {
			List<String> banner = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			int rules = 0;
			while (rules < 2) {
				String line = this.lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new AssertionError("the server did not print its ready banner in time: " + banner);
				}
				banner.add(line);
				if (line.startsWith("=====")) {
					rules++;
				}
			}
			return banner;
		}

		/**
		 * Sends SIGTERM and waits for the process to end.
		 * @return the lines it printed after the ready banner
		 */
		List<String> stop() throws InterruptedException {
			close();
			this.reader.join(Duration.ofSeconds(10).toMillis());
			List<String> rest = new ArrayList<>();
			this.lines.drainTo(rest);
			return rest;
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

}
