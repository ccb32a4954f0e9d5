package io.churnguard.app.scoring.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Groups work handed in by several threads into larger batches. Rescoring twenty
 * customers costs little more than rescoring one (a query, a model call, a transaction
 * each), so under load the callers that arrive while a batch runs are served together by
 * the next one. A caller returns once its own items have been processed, or gets the
 * batch's failure, so a caller that must not lose work (an event-publication listener)
 * still learns whether it was done.
 * <p>
 * A caller that finds fewer than {@code maxWorkers} batches running becomes a worker and
 * runs batches until the queue is empty; the others wait. No thread of its own: the
 * callers' threads do the work.
 * <p>
 * An item is never in two running batches: a caller whose items overlap a running batch
 * waits for a later one. Two batches rescoring one customer at once would both raise its
 * new warning, and the second would break the one-open-warning-per-cause index.
 *
 * @param <T> the items, e.g. customer ids; duplicates within a batch are processed once
 */
final class Coalescer<T> {

	private final Consumer<Set<T>> work;

	private final int maxBatch;

	private final int maxWorkers;

	private final Deque<Request<T>> queue = new ArrayDeque<>();

	private final Set<T> running = new HashSet<>();

	private int workers;

	/**
	 * @param work processes one batch; it runs on a caller's thread
	 * @param maxBatch the most items in one batch (a single caller's items are never
	 * split)
	 * @param maxWorkers the most batches running at once
	 */
	Coalescer(Consumer<Set<T>> work, int maxBatch, int maxWorkers) {
		this.work = work;
		this.maxBatch = maxBatch;
		this.maxWorkers = maxWorkers;
	}

	/**
	 * Processes the items, together with whatever else is waiting, and returns when they
	 * are done.
	 * @param items the items
	 * @throws RuntimeException the failure of the batch that held them
	 */
	void process(Collection<T> items) {
		Request<T> mine = new Request<>(items);
		boolean worker;
		synchronized (this.queue) {
			this.queue.add(mine);
			worker = this.workers < this.maxWorkers;
			if (worker) {
				this.workers++;
			}
		}
		if (worker) {
			drain();
		}
		try {
			mine.done.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the batch", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	private void drain() {
		while (true) {
			List<Request<T>> batch = new ArrayList<>();
			Set<T> items = new LinkedHashSet<>();
			synchronized (this.queue) {
				Iterator<Request<T>> waiting = this.queue.iterator();
				while (waiting.hasNext()) {
					Request<T> next = waiting.next();
					if (!batch.isEmpty() && items.size() + next.items.size() > this.maxBatch) {
						break;
					}
					if (next.items.stream().anyMatch(this.running::contains)) {
						// The worker running them takes this caller once it is done.
						continue;
					}
					waiting.remove();
					batch.add(next);
					items.addAll(next.items);
				}
				if (batch.isEmpty()) {
					this.workers--;
					return;
				}
				this.running.addAll(items);
			}
			try {
				this.work.accept(items);
				batch.forEach(request -> request.done.complete(null));
			}
			catch (RuntimeException | Error ex) {
				batch.forEach(request -> request.done.completeExceptionally(ex));
			}
			finally {
				synchronized (this.queue) {
					this.running.removeAll(items);
				}
			}
		}
	}

	private static final class Request<T> {

		final Collection<T> items;

		final CompletableFuture<Void> done = new CompletableFuture<>();

		Request(Collection<T> items) {
			this.items = items;
		}

	}

}
