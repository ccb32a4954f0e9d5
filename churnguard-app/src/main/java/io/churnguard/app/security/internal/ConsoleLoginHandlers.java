package io.churnguard.app.security.internal;

import java.io.IOException;
import java.time.Clock;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * What the console does after a login attempt or a logout: audit it, and tell the user
 * plainly why a login failed — locked, throttled, disabled or a wrong password — without
 * saying whether the user name exists.
 */
final class ConsoleLoginHandlers {

	static final String BLOCKED_UNTIL = "churnguard.login.blockedUntil";

	private ConsoleLoginHandlers() {
	}

	static AuthenticationFailureHandler failure() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String kind = "bad";
			if (ex instanceof AccountLockedException locked) {
				kind = "locked";
				request.getSession().setAttribute(BLOCKED_UNTIL, locked.until());
			}
			else if (ex instanceof LoginThrottledException throttled) {
				kind = "throttled";
				request.getSession().setAttribute(BLOCKED_UNTIL, throttled.until());
			}
			else if (ex instanceof DisabledException) {
				kind = "disabled";
			}
			response.sendRedirect(request.getContextPath() + "/login?error=" + kind);
		};
	}

	static SavedRequestAwareAuthenticationSuccessHandler success(AuditLog audit, UserAccounts users, Clock clock) {
		return new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				users.touchLastLogin(authentication.getName(), clock.instant());
				audit.record(AuditRecord.success("LOGIN_SUCCESS", "user", authentication.getName())
					.by(authentication.getName(), request.getRemoteAddr()));
				request.getSession().removeAttribute(BLOCKED_UNTIL);
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	static LogoutSuccessHandler logout(AuditLog audit) {
		return (request, response, authentication) -> {
			if (authentication != null) {
				audit.record(AuditRecord.success("LOGOUT", "user", authentication.getName())
					.by(authentication.getName(), request.getRemoteAddr()));
			}
			response.sendRedirect(request.getContextPath() + "/login?logout");
		};
	}

}
