package io.churnguard.app.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.churnguard.app.support.SampleFiles;
import io.churnguard.app.support.TestWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import killed half-way with SIGKILL, then run again, ends with exactly the right
 * counts: every batch commits on its own, and the re-run skips what the killed run
 * loaded.
 */
class ImportCrashIT {

	private static final Path JAR = Path.of("target", "churnguard.jar");

	private static final int CUSTOMERS = 2_000;

	private static final int EVENTS_PER_CUSTOMER = 500;

	static EmbeddedPostgres database;

	@BeforeAll
	static void startDatabase() throws IOException {
		database = EmbeddedPostgres.builder().setDataDirectory(TestWorkspace.newDirectory()).start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		database.close();
	}

	@Test
	void anImportKilledHalfWayAndRunAgainLoadsEveryEventExactlyOnce() throws Exception {
		Path dir = TestWorkspace.newDirectory();
		Path customers = SampleFiles.customers(dir.resolve("customers.csv"), "Q", CUSTOMERS, StandardCharsets.UTF_8);
		Path events = SampleFiles.events(dir.resolve("events.csv"), "Q", CUSTOMERS, EVENTS_PER_CUSTOMER);
		assertThat(importer("customers", customers, dir).waitFor()).isZero();

		Process killed = importer("events", events, dir);
		long partial = 0;
		for (int i = 0; i < 1200 && killed.isAlive(); i++) {
			partial = scalar("select coalesce(max(rows_read), 0) from import_run where kind = 'events'");
			if (partial >= 100_000) {
				break;
			}
			Thread.sleep(25);
		}
		assertThat(killed.isAlive()).as("the import is still running when it is killed").isTrue();
		killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long loadedBeforeTheKill = scalar("select count(*) from event");
		assertThat(loadedBeforeTheKill).isBetween(1L, (long) CUSTOMERS * EVENTS_PER_CUSTOMER - 1);

		Process rerun = importer("events", events, dir);
		assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(rerun.exitValue()).isZero();
		assertThat(scalar("select count(*) from event")).isEqualTo((long) CUSTOMERS * EVENTS_PER_CUSTOMER);
		assertThat(scalar("select count(distinct (event_id, event_time)) from event"))
			.isEqualTo((long) CUSTOMERS * EVENTS_PER_CUSTOMER);
		assertThat(
				scalar("select accepted + duplicates from import_run where kind = 'events' and status = 'completed'"))
			.isEqualTo((long) CUSTOMERS * EVENTS_PER_CUSTOMER);
		assertThat(scalar("select duplicates from import_run where kind = 'events' and status = 'completed'"))
			.as("the re-run recognises what the killed run had committed")
			.isEqualTo(loadedBeforeTheKill);
	}

	private static Process importer(String kind, Path file, Path dir) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
						"import", kind, "--file", file.toString(), "--data-dir", dir.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve(kind + ".out").toFile())
			.redirectError(dir.resolve(kind + ".err").toFile());
		builder.environment().put("CHURNGUARD_DB_URL", database.getJdbcUrl("postgres", "postgres"));
		builder.environment().put("CHURNGUARD_DB_USER", "postgres");
		builder.environment().put("CHURNGUARD_DB_PASSWORD", "");
		return builder.start();
	}

	private static long scalar(String sql) throws SQLException {
		try (Connection connection = database.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			if ("42P01".equals(ex.getSQLState())) {
				return 0;
			}
			throw ex;
		}
	}

}
