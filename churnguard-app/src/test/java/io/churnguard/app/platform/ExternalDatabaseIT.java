package io.churnguard.app.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.TestWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With CHURNGUARD_DB_URL set, ChurnGuard uses that server and starts no embedded one. A
 * second, separately started PostgreSQL plays the production server (it stops with the
 * JVM).
 */
@ChurnGuardIT(properties = "churnguard.test.context=external-db")
@DirtiesContext
class ExternalDatabaseIT {

	static final EmbeddedPostgres external = start();

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Value("${churnguard.data-dir}")
	Path dataDir;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("churnguard.db.url", () -> external.getJdbcUrl("postgres", "postgres"));
		registry.add("churnguard.db.user", () -> "postgres");
		registry.add("churnguard.db.password", () -> "");
	}

	@Test
	void theApplicationRunsOnTheConfiguredServerAndStartsNoEmbeddedOne() {
		assertThat(this.jdbc.queryForObject("select current_setting('port')", Integer.class))
			.isEqualTo(external.getPort());
		assertThat(this.jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
			.isPositive();
		assertThat(Files.exists(this.dataDir.resolve("pg"))).as("no embedded database in the workspace").isFalse();
		assertThat(
				Http.api(this.port).get("/api/v1/me", "Authorization", Http.basic("admin", this.adminPassword)).body())
			.contains("\"role\":\"ADMIN\"");
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().setDataDirectory(TestWorkspace.newDirectory()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
