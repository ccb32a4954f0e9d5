package io.churnguard.app.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.churnguard.app.web.OverviewTile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Security figures on the overview: failed logins in the last 24 hours for auditors and
 * administrators, so a brute-force attempt is visible at a glance.
 */
@Component
class SecurityOverviewTiles implements OverviewTile {

	private final JdbcClient jdbc;

	private final Clock clock;

	SecurityOverviewTiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public Set<String> roles() {
		return Set.of("AUDITOR", "ADMIN");
	}

	@Override
	public Content content(Locale locale) {
		long failures = this.jdbc.sql("select count(*) from login_failure where at > ?")
			.param(java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofHours(24))))
			.query(Long.class)
			.single();
		return new Content("overview.failedLogins", Long.toString(failures), "overview.failedLogins.note",
				(failures >= 20) ? "bad" : (failures > 0) ? "warn" : "ok", "/security/audit?action=LOGIN_FAILURE");
	}

}
