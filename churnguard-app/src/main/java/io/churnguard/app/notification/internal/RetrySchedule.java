package io.churnguard.app.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed delivery again: after the n-th failed attempt, wait the n-th delay
 * (1 min, 5 min, 30 min, 2 h, 12 h by default); when the delays are used up, give up.
 */
record RetrySchedule(List<Duration> delays) {

	RetrySchedule {
		delays = List.copyOf(delays);
		if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
			throw new IllegalArgumentException("retry delays must be positive: " + delays);
		}
	}

	/**
	 * @param failedAttempts attempts made so far, all failed (at least 1)
	 * @param now when the last one failed
	 * @return when to try again, or empty to move the delivery to the dead letters
	 */
	Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
		if (failedAttempts < 1 || failedAttempts > this.delays.size()) {
			return Optional.empty();
		}
		return Optional.of(now.plus(this.delays.get(failedAttempts - 1)));
	}

	/** Attempts in all before a delivery is dead: the first one plus one per delay. */
	int maxAttempts() {
		return this.delays.size() + 1;
	}

}
