package io.churnguard.app.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.churnguard.app.notification.NotificationDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Works off the outbox: claims what is due, attempts it on a few sender threads, and
 * records each outcome — delivered, due again after the next retry delay, or dead after
 * the last. Passes in one process never overlap.
 */
@Service
class Dispatcher implements NotificationDispatch, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;

	private final Inbox inbox;

	private final Webhooks webhooks;

	private final EmailChannel email;

	private final WebhookChannel webhook;

	private final Clock clock;

	private final NotificationProperties properties;

	private final RetrySchedule retries;

	private final ExecutorService senders;

	Dispatcher(Outbox outbox, Inbox inbox, Webhooks webhooks, EmailChannel email, WebhookChannel webhook, Clock clock,
			NotificationProperties properties) {
		this.outbox = outbox;
		this.inbox = inbox;
		this.webhooks = webhooks;
		this.email = email;
		this.webhook = webhook;
		this.clock = clock;
		this.properties = properties;
		this.retries = new RetrySchedule(properties.retryDelays());
		this.senders = Executors.newFixedThreadPool(properties.senders(), task -> {
			Thread thread = new Thread(task, "notification-sender");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Scheduled(fixedDelayString = "${churnguard.notifications.dispatch-interval:30s}",
			initialDelayString = "${churnguard.notifications.dispatch-interval:30s}")
	void onSchedule() {
		try {
			Pass pass = dispatchDue();
			if (pass.attempted() > 0) {
				log.info("Notifications: {} delivered, {} to retry, {} dead", pass.delivered(), pass.retrying(),
						pass.dead());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Notification dispatch failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized Pass dispatchDue() {
		int attempted = 0;
		int delivered = 0;
		int retrying = 0;
		int dead = 0;
		while (true) {
			List<Outbox.Claimed> batch = this.outbox.claimDue(this.clock.instant(), this.properties.batchSize(),
					this.properties.claimLease());
			List<Future<Outcome>> attempts = new ArrayList<>();
			for (Outbox.Claimed claimed : batch) {
				attempts.add(this.senders.submit(() -> attempt(claimed)));
			}
			for (int i = 0; i < batch.size(); i++) {
				Outbox.Claimed claimed = batch.get(i);
				Outcome outcome = outcome(attempts.get(i));
				attempted++;
				if (outcome.delivered()) {
					this.outbox.delivered(claimed.id());
					delivered++;
					continue;
				}
				Optional<Instant> next = outcome.permanent() ? Optional.empty()
						: this.retries.nextAttempt(claimed.attempts() + 1, this.clock.instant());
				if (next.isPresent()) {
					this.outbox.retryAt(claimed.id(), next.get(), outcome.error());
					retrying++;
				}
				else {
					this.outbox.dead(claimed.id(), outcome.error());
					dead++;
					log.warn("Notification delivery {} ({}) is dead after {} attempt(s): {}", claimed.id(),
							claimed.channel(), claimed.attempts() + 1, outcome.error());
				}
			}
			if (batch.size() < this.properties.batchSize()) {
				return new Pass(attempted, delivered, retrying, dead);
			}
		}
	}

	private Outcome attempt(Outbox.Claimed claimed) {
		try {
			StoredNotification notification = this.inbox.find(claimed.notificationId()).orElseThrow();
			if ("email".equals(claimed.channel())) {
				return this.email.send(notification, claimed.address());
			}
			Optional<Webhook> target = this.webhooks.find(claimed.webhookId());
			if (target.isEmpty()) {
				return Outcome.refused("the webhook was deleted");
			}
			if (!target.get().enabled()) {
				return Outcome.refused("the webhook is disabled");
			}
			return this.webhook.send(notification, target.get(), claimed.id());
		}
		catch (RuntimeException ex) {
			return Outcome.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static Outcome outcome(Future<Outcome> attempt) {
		try {
			return attempt.get();
		}
		catch (ExecutionException ex) {
			return Outcome.failed(String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.failed("interrupted");
		}
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
	}

}
