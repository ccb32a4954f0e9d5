package io.churnguard.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ChurnGuard server as a child process: {@code churnguard.jar serve} on a workspace,
 * bound to the loopback interface on a free port, with an administrator password chosen
 * here ({@code CHURNGUARD_ADMIN_PASSWORD}) so the benchmark can sign in. Its embedded
 * PostgreSQL is reached by the workspace's {@code postmaster.pid}, as the CLI does, for
 * read-only measurement queries and the bare COPY baseline.
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final Path workspace;

	private final int port;

	private final String adminPassword;

	private final Path log;

	private ServerProcess(Process process, Path workspace, int port, String adminPassword, Path log) {
		this.process = process;
		this.workspace = workspace;
		this.port = port;
		this.adminPassword = adminPassword;
		this.log = log;
	}

	/**
	 * Starts the server and waits until it answers its health check.
	 * @param app the application jar
	 * @param workspace the workspace directory ({@code --data-dir})
	 * @param timeout how long to wait for it to come up
	 * @return the running server
	 */
	public static ServerProcess start(AppJar app, Path workspace, Duration timeout) {
		try {
			Files.createDirectories(workspace);
			int port = freePort();
			String password = adminPassword(workspace);
			Path log = workspace.resolve("server.log");
			ProcessBuilder builder = new ProcessBuilder(app.command(List.of("serve", "--port", Integer.toString(port),
					"--data-dir", workspace.toAbsolutePath().toString())))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().put("CHURNGUARD_ADMIN_PASSWORD", password);
			builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
			builder.environment().remove("CHURNGUARD_DB_URL");
			Process process = builder.start();
			process.getOutputStream().close();
			ServerProcess server = new ServerProcess(process, workspace, port, password, log);
			// A benchmark stopped with Ctrl-C must not leave its server running.
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-churnguard-server"));
			server.awaitHealthy(timeout);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The administrator's password: chosen here for a fresh workspace and kept in it
	 * (readable by its owner only), since a kept workspace's administrator already
	 * exists.
	 */
	private static String adminPassword(Path workspace) throws IOException {
		Path file = workspace.resolve("bench-admin-password");
		if (Files.isRegularFile(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		String password = "Bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
		Files.writeString(file, password, StandardCharsets.UTF_8);
		file.toFile().setReadable(false, false);
		file.toFile().setReadable(true, true);
		return password;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void awaitHealthy(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"the server exited with code " + this.process.exitValue() + " while starting; see " + this.log);
			}
			try {
				HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the server", ex);
			}
			sleep(500);
		}
		close();
		throw new IllegalStateException("the server did not come up within " + timeout + "; see " + this.log);
	}

	/**
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * @return the workspace
	 */
	public Path workspace() {
		return this.workspace;
	}

	/**
	 * @return the server's log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * @return the password of {@code admin}
	 */
	public String adminPassword() {
		return this.adminPassword;
	}

	/**
	 * A connection to the workspace's embedded PostgreSQL as its superuser.
	 * @param readOnly whether the session may only read
	 * @return a new connection; the caller closes it
	 */
	public Connection database(boolean readOnly) {
		try {
			List<String> pid = Files.readAllLines(this.workspace.resolve("pg/postmaster.pid"), StandardCharsets.UTF_8);
			int pgPort = Integer.parseInt(pid.get(3).strip());
			Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/churnguard",
					"postgres", "");
			connection.setReadOnly(readOnly);
			return connection;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot find the embedded PostgreSQL of " + this.workspace, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot connect to the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	/** The process id, for the JSON report. */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Stops the server as Ctrl-C would (SIGTERM: graceful shutdown, which also stops its
	 * embedded PostgreSQL), forcibly after a minute.
	 */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
