package io.churnguard.app.scoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import io.churnguard.app.event.EventsAppended;
import io.churnguard.app.event.EventsImported;
import io.churnguard.app.scoring.ScoringRuns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real-time path: events received through the API rescore their customers at once,
 * which raises or upgrades warnings without waiting for the daily job. The announcement
 * is stored with the events, so a crash between the two only delays the rescoring.
 * <p>
 * Announcements that arrive while a rescoring runs are served together by the next one
 * (up to {@code churnguard.scoring.realtime-batch} customers; at most
 * {@code churnguard.scoring.realtime-workers} batches at once, by default one per
 * processor), each batch in a transaction of its own: a listener returns, and its
 * announcement counts as handled, only once its customers' scores and warnings are
 * committed.
 * <p>
 * A batch that loses a deadlock or a lock wait to another transaction (the daily job
 * writes every latest score and warning in one) is rolled back and run again, a few
 * times, after a short pause; only then does its announcement fail, to be delivered again
 * when the server restarts.
 */
@Component
class RealtimeRescoring {

	private static final Logger log = LoggerFactory.getLogger(RealtimeRescoring.class);

	/** Transient failures: deadlocks, lock timeouts, serialization failures. */
	private static final RetryPolicy TRANSIENT_FAILURES = RetryPolicy.builder()
		.includes(TransientDataAccessException.class)
		.maxRetries(3)
		.delay(Duration.ofMillis(50))
		.multiplier(4)
		.jitter(Duration.ofMillis(20))
		.build();

	private final Coalescer<String> coalescer;

	private final SettledHistories histories;

	private final Clock clock;

	private final ZoneId zone;

	RealtimeRescoring(ScoringRuns scoring, SettledHistories histories, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone, PlatformTransactionManager transactions,
			@Value("${churnguard.scoring.realtime-batch:500}") int maxBatch,
			@Value("${churnguard.scoring.realtime-workers:0}") int workers) {
		this.histories = histories;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		RetryTemplate retry = new RetryTemplate(TRANSIENT_FAILURES);
		retry.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				log.warn("Real-time rescoring lost a lock to another transaction; running the batch again: {}",
						state.getLastException().getMessage());
			}
		});
		this.coalescer = new Coalescer<>(
				customerIds -> retry
					.invoke(() -> ownTransaction.executeWithoutResult(status -> scoring.rescore(customerIds))),
				maxBatch, (workers > 0) ? workers : Runtime.getRuntime().availableProcessors());
	}

	@ApplicationModuleListener
	void on(EventsAppended appended) {
		this.histories.forgetIfBefore(appended.customerIds(), appended.earliestDay(),
				LocalDate.now(this.clock.withZone(this.zone)));
		this.histories.arrived(appended);
		this.coalescer.process(appended.customerIds());
	}

	/**
	 * Imported events are not announced one by one: their customers' memory is dropped
	 * once the import's transaction commits (before, a rescoring would read the log
	 * without them and keep that).
	 */
	@EventListener
	void on(EventsImported imported) {
		Runnable forget = () -> this.histories.forget(imported.customerIds());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget.run();
				}
			});
		}
		else {
			forget.run();
		}
	}

}
