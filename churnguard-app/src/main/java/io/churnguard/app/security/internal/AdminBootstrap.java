package io.churnguard.app.security.internal;

import java.io.PrintStream;
import java.util.List;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * There is no default password: on the first start of a server with no administrator, one
 * is created with a random password that is printed once to the console (never to the
 * log), or with the password given in {@code CHURNGUARD_ADMIN_PASSWORD} for unattended
 * installs.
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap {

	static final String ADMIN = "admin";

	private final UserAdministration administration;

	private final UserAccounts users;

	private final AuditLog audit;

	private final String presetPassword;

	private final PrintStream console;

	AdminBootstrap(UserAdministration administration, UserAccounts users, AuditLog audit,
			@Value("${churnguard.admin-password:}") String presetPassword) {
		this.administration = administration;
		this.users = users;
		this.audit = audit;
		this.presetPassword = presetPassword;
		this.console = System.out;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		String url = url(event);
		if (this.users.existsWithRole(Role.ADMIN)) {
			print(List.of("ChurnGuard is ready: " + url));
			return;
		}
		boolean preset = !this.presetPassword.isBlank();
		UserAdministration.CreatedUser created = this.administration
			.create(new NewUser(ADMIN, "系统管理员", Role.ADMIN, null, null, null, preset ? this.presetPassword : null));
		this.audit.record(AuditRecord.success("ADMIN_BOOTSTRAPPED", "user", ADMIN)
			.by("system", null)
			.with("passwordSource", preset ? "CHURNGUARD_ADMIN_PASSWORD" : "random, printed once"));
		if (preset) {
			print(List.of("ChurnGuard is ready: " + url,
					"An administrator '" + ADMIN + "' was created with the password from CHURNGUARD_ADMIN_PASSWORD."));
		}
		else {
			print(List.of("ChurnGuard is ready: " + url, "First start: an administrator account was created.",
					"  user:     " + ADMIN, "  password: " + created.initialPassword(),
					"This password is shown only once. Sign in and change it (Account > Password)."));
		}
	}

	private void print(List<String> lines) {
		String rule = "=".repeat(72);
		StringBuilder box = new StringBuilder().append('\n').append(rule).append('\n');
		lines.forEach(line -> box.append("  ").append(line).append('\n'));
		box.append(rule).append('\n');
		this.console.print(box);
		this.console.flush();
	}

	private static String url(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			return "http://localhost:" + web.getWebServer().getPort();
		}
		return "(no web server)";
	}

}
