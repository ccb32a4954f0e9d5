package io.churnguard.app.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brute-force defence: an account locks after too many failures in a short time, and a
 * client IP that fails too often across accounts is throttled. Both windows slide, so a
 * block lifts by itself; an administrator can unlock an account early.
 */
@Component
class LoginGuard {

	private final LoginFailures failures;

	private final Clock clock;

	private final FailureWindowPolicy accountPolicy;

	private final FailureWindowPolicy ipPolicy;

	LoginGuard(LoginFailures failures, Clock clock,
			@Value("${churnguard.security.lockout.max-failures:5}") int accountMaxFailures,
			@Value("${churnguard.security.lockout.window:15m}") Duration accountWindow,
			@Value("${churnguard.security.ip-throttle.max-failures:20}") int ipMaxFailures,
			@Value("${churnguard.security.ip-throttle.window:15m}") Duration ipWindow) {
		this.failures = failures;
		this.clock = clock;
		this.accountPolicy = new FailureWindowPolicy(accountMaxFailures, accountWindow);
		this.ipPolicy = new FailureWindowPolicy(ipMaxFailures, ipWindow);
	}

	Optional<Instant> accountLockedUntil(String username) {
		Instant now = this.clock.instant();
		return this.accountPolicy.blockedUntil(this.failures.forUser(username, now.minus(this.accountPolicy.window()),
				this.accountPolicy.maxFailures()), now);
	}

	Optional<Instant> ipThrottledUntil(String sourceIp) {
		if (sourceIp == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.ipPolicy.blockedUntil(
				this.failures.forIp(sourceIp, now.minus(this.ipPolicy.window()), this.ipPolicy.maxFailures()), now);
	}

	void recordFailure(String username, String sourceIp) {
		this.failures.record(username, (sourceIp != null) ? sourceIp : "unknown", this.clock.instant());
	}

	int maxAccountFailures() {
		return this.accountPolicy.maxFailures();
	}

	Duration accountWindow() {
		return this.accountPolicy.window();
	}

}
