package io.churnguard.app.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Authentication and authorisation failures of the API as RFC 9457 problem details, like
 * every other API error. Throttling answers 429 with Retry-After so clients back off.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint entryPoint(Clock clock) {
		return (request, response, ex) -> {
			if (ex instanceof LoginThrottledException throttled) {
				long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
				response.setHeader("Retry-After", Long.toString(seconds));
				write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
						"Too many failed logins from this address. Retry after " + seconds + " seconds.");
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"ChurnGuard\", Bearer");
			String detail = (ex instanceof LockedException) ? ex.getMessage() : describe(ex);
			write(response, HttpStatus.UNAUTHORIZED, "Authentication required", detail);
		};
	}

	static AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
				"Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
	}

	private static String describe(AuthenticationException ex) {
		return "Sign in with HTTP Basic or an API token (Authorization: Bearer cg_…). " + ex.getMessage();
	}

	private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status.value()
					+ ",\"detail\":" + quote(detail) + "}");
	}

	static String quote(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
