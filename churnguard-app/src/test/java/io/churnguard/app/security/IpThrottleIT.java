package io.churnguard.app.security;

import java.net.http.HttpResponse;

import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client guessing passwords across many accounts is slowed down, not just each account.
 */
@ChurnGuardIT(properties = "churnguard.security.ip-throttle.max-failures=20")
class IpThrottleIT {

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twentyFailuresFromOneAddressThrottleEveryLoginFromIt() {
		Http api = Http.api(this.port);
		for (int i = 0; i < 20; i++) {
			api.get("/api/v1/me", "Authorization", Http.basic("guess" + i, "password-guess-" + i));
		}
		HttpResponse<String> throttled = api.get("/api/v1/me", "Authorization",
				Http.basic("admin", this.adminPassword));
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));

		Http browser = Http.console(this.port);
		assertThat(browser.login("admin", this.adminPassword).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?error=throttled"));
		assertThat(
				this.jdbc.queryForObject("select count(*) from audit_log where action = 'LOGIN_THROTTLED'", Long.class))
			.isGreaterThanOrEqualTo(2);
	}

}
