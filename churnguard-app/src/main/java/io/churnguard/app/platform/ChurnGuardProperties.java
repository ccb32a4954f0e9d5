package io.churnguard.app.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code churnguard.*}. Environment variables map by Spring's relaxed
 * binding, so {@code CHURNGUARD_DB_URL} sets {@code churnguard.db.url}.
 *
 * @param dataDir the workspace: the embedded database lives under {@code dataDir/pg}
 * @param db the database to use; empty url means the embedded PostgreSQL
 * @param timeZone the business's time zone, used to read local date-times in files
 */
@ConfigurationProperties("churnguard")
public record ChurnGuardProperties(Path dataDir, Db db, String timeZone) {

	public ChurnGuardProperties {
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		db = (db != null) ? db : new Db(null, null, null, null);
		timeZone = (timeZone != null && !timeZone.isBlank()) ? timeZone : "Asia/Shanghai";
	}

	/**
	 * @param url JDBC URL of an external PostgreSQL; blank for the embedded one
	 * @param user user name for the external server
	 * @param password password for the external server
	 * @param embeddedStartupTimeout how long to wait for the embedded server to accept
	 * connections
	 */
	public record Db(String url, String user, String password, Duration embeddedStartupTimeout) {

		public Db {
			embeddedStartupTimeout = (embeddedStartupTimeout != null) ? embeddedStartupTimeout : Duration.ofSeconds(60);
		}

		public boolean isExternal() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
