package io.churnguard.app.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: the server named by {@code CHURNGUARD_DB_URL} when set, otherwise
 * the embedded PostgreSQL in {@code <data-dir>/pg}. Flyway then brings either to the
 * current schema.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChurnGuardProperties.class)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(ChurnGuardProperties properties) {
		ChurnGuardProperties.Db db = properties.db();
		if (db.isExternal()) {
			return DatabaseServer.external(db.url(), db.user(), db.password());
		}
		return DatabaseServer.embedded(
				EmbeddedPostgresServer.startOrAttach(properties.dataDir().resolve("pg"), db.embeddedStartupTimeout()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.user());
		if (server.password() != null) {
			config.setPassword(server.password());
		}
		config.setPoolName("churnguard");
		config.setMaximumPoolSize(20);
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("ApplicationName", "ChurnGuard");
		return new HikariDataSource(config);
	}

}
