package io.churnguard.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL that makes {@code ./churnguard demo} work on a fresh machine.
 * Its data lives in the workspace so it survives restarts.
 * <p>
 * Several ChurnGuard processes may share one workspace (a server and a CLI import, say).
 * The first one starts PostgreSQL; the others find it through {@code postmaster.pid} and
 * connect to it instead of failing on the data directory's lock. Only the process that
 * started the server stops it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "churnguard";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres owned;

	private final int port;

	private EmbeddedPostgresServer(EmbeddedPostgres owned, int port) {
		this.owned = owned;
		this.port = port;
	}

	/**
	 * Starts the server on {@code dataDirectory}, or attaches to the one already running
	 * there.
	 * @param dataDirectory the PostgreSQL data directory, created when missing
	 * @param startupTimeout how long to wait for the server to accept connections
	 * @return the running server
	 */
	public static EmbeddedPostgresServer startOrAttach(Path dataDirectory, Duration startupTimeout) {
		try {
			Files.createDirectories(dataDirectory);
			Optional<Integer> running = runningServerPort(dataDirectory);
			if (running.isPresent()) {
				log.info("Using the embedded PostgreSQL already running on port {} for {}", running.get(),
						dataDirectory);
				EmbeddedPostgresServer server = new EmbeddedPostgresServer(null, running.get());
				server.createDatabaseIfMissing();
				return server;
			}
			log.info("Starting embedded PostgreSQL in {}", dataDirectory.toAbsolutePath());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPGStartupWait(startupTimeout)
				// Spring stops the server (DatabaseConfiguration), after everything that
				// uses it; the library's own JVM hook would race the application's
				// shutdown and stop it while the last queries run.
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC")
				// The embedded library's defaults suit throwaway test databases (fsync
				// off); this one
				// is a system of record, so commits are durable.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				// Bulk loads: room in memory for the event log's indexes, and fewer
				// checkpoints.
				.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("wal_buffers", "32MB")
				.setServerConfig("max_wal_size", "8GB")
				.setServerConfig("checkpoint_timeout", "15min")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setServerConfig("work_mem", "32MB")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C")
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, postgres.getPort());
			server.createDatabaseIfMissing();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory + ": "
					+ ex.getMessage() + " (is the directory writable?)", ex);
		}
	}

	/** The JDBC URL of ChurnGuard's database on this server. */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	/**
	 * The database user: the embedded server trusts local connections of its superuser.
	 */
	public String user() {
		return "postgres";
	}

	public int port() {
		return this.port;
	}

	/** Whether this process started the server (and so will stop it on close). */
	public boolean isOwner() {
		return this.owned != null;
	}

	@Override
	public void close() {
		if (this.owned != null) {
			try {
				this.owned.close();
			}
			catch (IOException ex) {
				log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
			}
		}
	}

	private void createDatabaseIfMissing() {
		String url = "jdbc:postgresql://localhost:" + this.port + "/postgres";
		try (Connection connection = java.sql.DriverManager.getConnection(url, user(), "");
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			// Two processes racing to create it is fine: the loser sees "already exists".
			if (!"42P04".equals(ex.getSQLState())) {
				throw new IllegalStateException("Could not create the database '" + DATABASE + "': " + ex.getMessage(),
						ex);
			}
		}
	}

	/**
	 * Reads {@code postmaster.pid}: line 1 is the postmaster's PID, line 4 its port. A
	 * stale file (left by a killed process) names a PID that no longer runs; PostgreSQL
	 * itself removes it on the next start.
	 */
	static Optional<Integer> runningServerPort(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 4) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(lines.get(0).strip());
			int port = Integer.parseInt(lines.get(3).strip());
			boolean alive = ProcessHandle.of(pid)
				.map(process -> process.isAlive() && isPostgres(process))
				.orElse(false);
			return alive ? Optional.of(port) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		// A reused PID may belong to anything; only trust a postgres binary.
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
	}

}
