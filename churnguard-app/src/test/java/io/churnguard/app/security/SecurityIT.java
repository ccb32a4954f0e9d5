package io.churnguard.app.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ChurnGuardIT
class SecurityIT {

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ObservationRegistry observations;

	Http api;

	String admin;

	@BeforeEach
	void setUp() {
		this.api = Http.api(this.port);
		this.admin = Http.basic("admin", this.adminPassword);
	}

	@Test
	void securityFiltersAreNotObservedWhileHttpRequestsStillAre() {
		// Observing every security filter of every request cost a seventh of the HTTP
		// threads' CPU under load, for metrics nothing reads.
		assertThat(Observation.start("spring.security.filterchains", this.observations).isNoop()).isTrue();
		assertThat(Observation.start("spring.security.authorizations", this.observations).isNoop()).isTrue();
		Observation requests = Observation.start("http.server.requests", this.observations);
		assertThat(requests.isNoop()).isFalse();
		requests.stop();
	}

	@Test
	void theConsoleSpeaksChineseByDefaultAndEnglishWhenAsked() {
		Http browser = Http.console(this.port);
		assertThat(browser.get("/login").body()).contains("<html lang=\"zh-CN\">", "登录", "用户名");
		HttpResponse<String> english = browser.get("/login?lang=en");
		assertThat(english.body()).contains("<html lang=\"en\">", "Sign in", "User name");
		assertThat(browser.get("/login").body()).as("the choice is remembered").contains("Sign in");
	}

	@Test
	void theAdministratorSignsInAndSeesTheOverviewWithTheNavigation() {
		Http browser = Http.console(this.port);
		HttpResponse<String> login = browser.login("admin", this.adminPassword);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		String overview = browser.get("/").body();
		assertThat(overview).contains("概览", "客户", "预警", "模型", "营销活动", "用户管理", "审计日志", "系统管理员")
			.as("every message resolves")
			.doesNotContain("??");
		assertThat(auditActions("admin")).contains("LOGIN_SUCCESS");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountWithAClearMessageUntilTheWindowPasses() {
		String password = createUser("agent.lock", "AGENT");
		Http browser = Http.console(this.port);
		for (int attempt = 1; attempt <= 4; attempt++) {
			HttpResponse<String> wrong = browser.login("agent.lock", "wrong-password-" + attempt);
			assertThat(wrong.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
		}
		HttpResponse<String> fifth = browser.login("agent.lock", "wrong-password-5");
		assertThat(fifth.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=locked"));
		assertThat(browser.get("/login?error=locked").body()).contains("账户已被锁定");

		HttpResponse<String> right = browser.login("agent.lock", password);
		assertThat(right.headers().firstValue("Location")).as("even the right password is refused while locked")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=locked"));
		assertThat(this.api.get("/api/v1/me", "Authorization", Http.basic("agent.lock", password)).statusCode())
			.as("the API honours the lock too")
			.isEqualTo(401);

		assertThat(auditActions("agent.lock")).containsSubsequence("LOGIN_FAILURE", "LOGIN_FAILURE", "LOGIN_FAILURE",
				"LOGIN_FAILURE", "LOGIN_FAILURE", "ACCOUNT_LOCKED", "LOGIN_REJECTED_LOCKED");

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(browser.login("agent.lock", password).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void anAdministratorCanUnlockALockedAccount() {
		String password = createUser("agent.unlock", "AGENT");
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.api.get("/api/v1/me", "Authorization", Http.basic("agent.unlock", "not-the-password-" + attempt));
		}
		assertThat(this.api.get("/api/v1/users", "Authorization", this.admin).body())
			.contains("\"username\":\"agent.unlock\"");
		assertThat(this.api.get("/api/v1/me", "Authorization", Http.basic("agent.unlock", password)).statusCode())
			.isEqualTo(401);
		assertThat(this.api.postJson("/api/v1/users/agent.unlock/unlock", "", "Authorization", this.admin).statusCode())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/me", "Authorization", Http.basic("agent.unlock", password)).statusCode())
			.isEqualTo(200);
		assertThat(auditActions("agent.unlock")).contains("USER_UNLOCKED");
	}

	@Test
	void theAuditChainOfANormalDayVerifiesIntact() {
		Http.console(this.port).login("admin", "wrong-password-x");
		HttpResponse<String> verification = this.api.get("/api/v1/audit/verification", "Authorization", this.admin);
		assertThat(verification.statusCode()).isEqualTo(200);
		assertThat(verification.body()).contains("\"intact\":true", "\"problems\":[]");
	}

	@Test
	void theDatabaseRefusesToEditOrDeleteAuditRows() {
		assertThatThrownBy(() -> this.jdbc.update("update audit_log set actor = 'mallory' where id = 1"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_log where id = 1"))
			.hasMessageContaining("append-only");
	}

	@Test
	void apiErrorsAreProblemDetailsThatSayWhatIsWrong() {
		HttpResponse<String> anonymous = this.api.get("/api/v1/me");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

		String agentPassword = createUser("agent.forbidden", "AGENT");
		HttpResponse<String> forbidden = this.api.get("/api/v1/users", "Authorization",
				Http.basic("agent.forbidden", agentPassword));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("\"status\":403");

		HttpResponse<String> invalid = this.api.postJson("/api/v1/users",
				"{\"username\":\"bad name!\",\"displayName\":\"\",\"role\":\"AGENT\"}", "Authorization", this.admin);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"field\":\"username\"", "\"field\":\"displayName\"");

		HttpResponse<String> weak = this.api.postJson("/api/v1/users",
				"{\"username\":\"weak.user\",\"displayName\":\"弱密码\",\"role\":\"AGENT\",\"password\":\"1234567890\"}",
				"Authorization", this.admin);
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("password.common", "too common");
	}

	@Test
	void anApiTokenAuthenticatesUntilItIsRevoked() {
		HttpResponse<String> created = this.api.postJson("/api/v1/me/tokens", "{\"name\":\"etl\",\"validDays\":30}",
				"Authorization", this.admin);
		assertThat(created.statusCode()).isEqualTo(201);
		String token = created.body().replaceAll(".*\"token\":\"(cg_[A-Za-z0-9]+)\".*", "$1");
		String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
		assertThat(this.api.get("/api/v1/me", "Authorization", "Bearer " + token).body())
			.contains("\"username\":\"admin\"");
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, token))
			.as("the secret itself is never stored")
			.isZero();

		this.api.send("DELETE", "/api/v1/me/tokens/" + id, "Authorization", this.admin);
		assertThat(this.api.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void theConsoleRejectsFormsWithoutACsrfTokenAndSendsStrictHeaders() {
		Http browser = Http.console(this.port);
		browser.login("admin", this.adminPassword);
		HttpResponse<String> forged = browser.postFormWithoutCsrf("/account/tokens", Map.of("name", "forged"));
		assertThat(forged.statusCode()).isEqualTo(403);

		HttpResponse<String> page = browser.get("/login");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void onlyAdministratorsManageUsersAndOnlyAuditorsAndAdministratorsReadTheAuditLog() {
		String analyst = Http.basic("analyst.roles", createUser("analyst.roles", "ANALYST"));
		String auditorPassword = createUser("auditor.roles", "AUDITOR");
		String auditor = Http.basic("auditor.roles", auditorPassword);
		assertThat(this.api.get("/api/v1/audit", "Authorization", analyst).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit", "Authorization", auditor).statusCode()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/users", "Authorization", auditor).statusCode()).isEqualTo(403);

		Http console = Http.console(this.port);
		console.login("auditor.roles", auditorPassword);
		assertThat(console.get("/security/audit").statusCode()).isEqualTo(200);
		assertThat(console.get("/security/users").statusCode()).isEqualTo(403);
	}

	private String createUser(String username, String role) {
		HttpResponse<String> created = this.api.postJson("/api/v1/users",
				"{\"username\":\"" + username + "\",\"displayName\":\"测试用户\",\"role\":\"" + role + "\"}",
				"Authorization", this.admin);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.body().replaceAll(".*\"initialPassword\":\"([^\"]+)\".*", "$1");
	}

	private List<String> auditActions(String objectId) {
		return this.jdbc.queryForList("select action from audit_log where object_id = ? order by id", String.class,
				objectId);
	}

}
