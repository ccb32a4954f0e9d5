package io.churnguard.app.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Blocks a key (a user name, a client IP) once it has {@code maxFailures} failed logins
 * within a sliding window; the block lifts when the oldest of those failures leaves the
 * window.
 *
 * @param maxFailures failures that trigger the block
 * @param window how far back failures count, and how long a block lasts
 */
record FailureWindowPolicy(int maxFailures, Duration window) {

	/**
	 * @param failuresNewestFirst failure times, newest first, at least those within the
	 * window
	 * @param now the current time
	 * @return when the block ends, if the key is blocked now
	 */
	Optional<Instant> blockedUntil(List<Instant> failuresNewestFirst, Instant now) {
		Instant windowStart = now.minus(this.window);
		long recent = failuresNewestFirst.stream().filter(at -> at.isAfter(windowStart)).count();
		if (recent < this.maxFailures) {
			return Optional.empty();
		}
		Instant oldestCounted = failuresNewestFirst.get(this.maxFailures - 1);
		return Optional.of(oldestCounted.plus(this.window));
	}

}
