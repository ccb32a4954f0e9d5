package io.churnguard.app.security;

import java.net.http.HttpResponse;

import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.CliRun;
import io.churnguard.app.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with database access edits an audit row behind the application's back: the
 * trigger must be disabled first, and the chain check then names the row, in the API and
 * the CLI.
 */
@ChurnGuardIT(properties = "churnguard.test.context=tamper")
class AuditTamperIT {

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Value("${churnguard.data-dir}")
	String dataDir;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void editingOneAuditRowMakesVerificationFailAndNameTheRow() {
		Http api = Http.api(this.port);
		String admin = Http.basic("admin", this.adminPassword);
		Http.console(this.port).login("admin", "wrong-password-1");
		Http.console(this.port).login("admin", this.adminPassword);
		assertThat(api.get("/api/v1/audit/verification", "Authorization", admin).body()).contains("\"intact\":true");

		long target = this.jdbc.queryForObject("select min(id) from audit_log where action = 'LOGIN_FAILURE'",
				Long.class);
		this.jdbc.execute("alter table audit_log disable trigger audit_log_no_update");
		this.jdbc.update("update audit_log set actor = 'somebody-else' where id = ?", target);
		this.jdbc.execute("alter table audit_log enable trigger audit_log_no_update");

		HttpResponse<String> verification = api.get("/api/v1/audit/verification", "Authorization", admin);
		assertThat(verification.body()).contains("\"intact\":false", "\"id\":" + target, "edited");

		CliRun cli = CliRun.of("audit", "verify", "--data-dir", this.dataDir);
		assertThat(cli.exitCode()).isEqualTo(1);
		assertThat(cli.out()).contains("\"intact\" : false", "\"id\" : " + target);
	}

}
