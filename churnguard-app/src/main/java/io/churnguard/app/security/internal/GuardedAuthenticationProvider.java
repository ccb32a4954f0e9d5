package io.churnguard.app.security.internal;

import java.time.Instant;
import java.util.Optional;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password authentication behind the brute-force defence. Blocked attempts are refused
 * before the password is even checked (and do not extend the block); every failure is
 * recorded and audited; the failure that reaches the limit locks the account at once and
 * says so.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginGuard guard;

	private final AuditLog audit;

	GuardedAuthenticationProvider(AuthenticationProvider passwords, LoginGuard guard, AuditLog audit) {
		this.passwords = passwords;
		this.guard = guard;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String ip = clientIp(authentication);
		Optional<Instant> throttled = this.guard.ipThrottledUntil(ip);
		if (throttled.isPresent()) {
			this.audit.record(AuditRecord.denied("LOGIN_THROTTLED", "user", username)
				.by(username, ip)
				.with("until", throttled.get().toString()));
			throw new LoginThrottledException(throttled.get());
		}
		Optional<Instant> locked = this.guard.accountLockedUntil(username);
		if (locked.isPresent()) {
			this.audit.record(AuditRecord.denied("LOGIN_REJECTED_LOCKED", "user", username)
				.by(username, ip)
				.with("until", locked.get().toString()));
			throw new AccountLockedException(locked.get());
		}
		try {
			return this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.guard.recordFailure(username, ip);
			this.audit.record(AuditRecord.failure("LOGIN_FAILURE", "user", username)
				.by(username, ip)
				.with("reason", "bad credentials"));
			Optional<Instant> nowLocked = this.guard.accountLockedUntil(username);
			if (nowLocked.isPresent()) {
				this.audit.record(AuditRecord.failure("ACCOUNT_LOCKED", "user", username)
					.by(username, ip)
					.with("until", nowLocked.get().toString())
					.with("failures", this.guard.maxAccountFailures()));
				throw new AccountLockedException(nowLocked.get());
			}
			throw ex;
		}
		catch (DisabledException ex) {
			this.audit.record(AuditRecord.failure("LOGIN_FAILURE", "user", username)
				.by(username, ip)
				.with("reason", "account disabled"));
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientIp(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return details.getRemoteAddress();
		}
		return JdbcAuditLog.currentIp();
	}

}
