package io.churnguard.app.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureWindowPolicyTest {

	private final FailureWindowPolicy policy = new FailureWindowPolicy(5, Duration.ofMinutes(15));

	private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

	@Test
	void fourFailuresWithinFifteenMinutesDoNotLockTheAccount() {
		assertThat(this.policy.blockedUntil(failuresMinutesAgo(1, 2, 3, 4), this.now)).isEmpty();
	}

	@Test
	void theFifthFailureWithinFifteenMinutesLocksUntilTheOldestOfThemExpires() {
		assertThat(this.policy.blockedUntil(failuresMinutesAgo(1, 2, 3, 4, 10), this.now))
			.contains(this.now.minus(Duration.ofMinutes(10)).plus(Duration.ofMinutes(15)));
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		assertThat(this.policy.blockedUntil(failuresMinutesAgo(1, 2, 3, 4, 16, 20), this.now)).isEmpty();
	}

	@Test
	void theLockLiftsByItselfOnceTheWindowHasPassed() {
		List<Instant> failures = failuresMinutesAgo(1, 2, 3, 4, 5);
		assertThat(this.policy.blockedUntil(failures, this.now.plus(Duration.ofMinutes(11)))).isEmpty();
	}

	private List<Instant> failuresMinutesAgo(int... minutes) {
		return java.util.Arrays.stream(minutes).mapToObj(m -> this.now.minus(Duration.ofMinutes(m))).toList();
	}

}
