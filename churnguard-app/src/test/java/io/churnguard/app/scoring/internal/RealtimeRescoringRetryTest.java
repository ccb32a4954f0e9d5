package io.churnguard.app.scoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.churnguard.app.event.EventsAppended;
import io.churnguard.app.scoring.ScoringRuns;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-time batches that lose a lock run again; other failures do not. */
class RealtimeRescoringRetryTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

	private final AtomicInteger attempts = new AtomicInteger();

	@Test
	void aBatchThatLostADeadlockRunsAgain() {
		announce(() -> (this.attempts.get() < 3) ? new PessimisticLockingFailureException("ERROR: deadlock detected")
				: null);
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void aBatchThatKeepsLosingFailsWithTheDeadlockAfterThreeRetries() {
		assertThatThrownBy(() -> announce(() -> new PessimisticLockingFailureException("ERROR: deadlock detected")))
			.isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(this.attempts).hasValue(4);
	}

	@Test
	void otherFailuresAreNotRetried() {
		assertThatThrownBy(() -> announce(() -> new DataIntegrityViolationException("duplicate key")))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(this.attempts).hasValue(1);
	}

	/**
	 * Hands an announcement of today's events to the listener, whose rescoring fails with
	 * what {@code failure} gives for each attempt (nothing: it succeeds).
	 */
	private void announce(Supplier<RuntimeException> failure) {
		ScoringRuns scoring = new ScoringRuns() {
			@Override
			public int rescore(Collection<String> customerIds) {
				RealtimeRescoringRetryTest.this.attempts.incrementAndGet();
				RuntimeException ex = failure.get();
				if (ex != null) {
					throw ex;
				}
				return customerIds.size();
			}

			@Override
			public ScoringRun scoreAll(LocalDate asOf, String user) {
				throw new UnsupportedOperationException();
			}

			@Override
			public List<ScoringRun> recent(int limit) {
				throw new UnsupportedOperationException();
			}
		};
		// Events of today settle nothing, so the histories are not read.
		SettledHistories histories = new SettledHistories(null, null, 10, Duration.ofHours(1), CLOCK);
		RealtimeRescoring listener = new RealtimeRescoring(scoring, histories, CLOCK, "UTC", new NoTransactions(), 500,
				1);
		listener.on(new EventsAppended(List.of("C1", "C2"), LocalDate.now(CLOCK)));
	}

	/** Transactions that hold nothing: the retry wraps them, whatever they are. */
	private static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
