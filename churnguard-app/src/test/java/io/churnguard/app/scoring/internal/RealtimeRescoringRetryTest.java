package io.churnguard.app.scoring.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealtimeRescoringRetryTest {

	private final RetryTemplate retry = new RetryTemplate(RealtimeRescoring.TRANSIENT_FAILURES);

	@Test
	void aBatchThatLostADeadlockRunsAgain() {
		AtomicInteger attempts = new AtomicInteger();
		this.retry.invoke(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new PessimisticLockingFailureException("ERROR: deadlock detected");
			}
		});
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aBatchThatKeepsLosingFailsWithTheDeadlockAfterThreeRetries() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.invoke(() -> {
			attempts.incrementAndGet();
			throw new PessimisticLockingFailureException("ERROR: deadlock detected");
		})).isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(attempts).hasValue(4);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.invoke(() -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(attempts).hasValue(1);
	}

}
