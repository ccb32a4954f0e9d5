package io.churnguard.app.security.internal;

import java.io.IOException;
import java.util.Optional;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer cg_…} API tokens. A wrong token counts as a
 * failed login of its client IP, so token guessing is throttled like password guessing.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final ChurnGuardUserDetailsService users;

	private final LoginGuard guard;

	private final AuditLog audit;

	private final AuthenticationEntryPoint entryPoint;

	ApiTokenAuthenticationFilter(ApiTokens tokens, ChurnGuardUserDetailsService users, LoginGuard guard, AuditLog audit,
			AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.users = users;
		this.guard = guard;
		this.audit = audit;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).strip();
		String ip = request.getRemoteAddr();
		Optional<java.time.Instant> throttled = this.guard.ipThrottledUntil(ip);
		if (throttled.isPresent()) {
			this.audit.record(AuditRecord.denied("LOGIN_THROTTLED", "api_token", null).by("anonymous", ip));
			this.entryPoint.commence(request, response, new LoginThrottledException(throttled.get()));
			return;
		}
		Optional<String> username = token.startsWith(ApiTokens.PREFIX) ? this.tokens.authenticate(token)
				: Optional.empty();
		var user = username.map(this.users::loadUserByUsername).filter(details -> details.isEnabled());
		if (user.isEmpty()) {
			this.guard.recordFailure("token:" + prefix(token), ip);
			this.audit.record(AuditRecord.failure("LOGIN_FAILURE", "api_token", prefix(token))
				.by("anonymous", ip)
				.with("reason", "invalid, expired or revoked token"));
			this.entryPoint.commence(request, response, new BadCredentialsException("invalid API token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String prefix(String token) {
		return token.substring(0, Math.min(8, token.length()));
	}

}
