package io.churnguard.app.scoring.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoalescerTest {

	@Test
	void callersArrivingDuringABatchAreServedTogetherByTheNextAndReturnOnlyOnceDone() throws Exception {
		List<Set<String>> batches = whileABatchRuns(100, List.of(List.of("c0", "shared"), List.of("c1", "shared"),
				List.of("c2", "shared"), List.of("c3", "shared"), List.of("c4", "shared")));
		assertThat(batches.get(0)).containsExactly("first");
		assertThat(batches.subList(1, batches.size())).as("the five waiting callers, in one batch")
			.containsExactly(Set.of("c0", "c1", "c2", "c3", "c4", "shared"));
	}

	@Test
	void batchesStayWithinTheirLimitWithoutSplittingACaller() throws Exception {
		List<Set<String>> batches = whileABatchRuns(4,
				List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2", "b3"), List.of("c1", "c2", "c3")));
		assertThat(batches).extracting(Set::size).containsExactly(1, 3, 3, 3);
	}

	@Test
	void aFailedBatchFailsItsCallersAndTheNextCallerIsServedAgain() {
		Coalescer<String> coalescer = new Coalescer<>(items -> {
			if (items.contains("bad")) {
				throw new IllegalStateException("database down");
			}
		}, 100, 1);
		assertThatThrownBy(() -> coalescer.process(List.of("bad"))).hasMessage("database down");
		coalescer.process(List.of("good"));
	}

	@Test
	void upToMaxWorkersBatchesRunAtOnce() throws Exception {
		CountDownLatch bothRunning = new CountDownLatch(2);
		Coalescer<String> coalescer = new Coalescer<>(items -> {
			bothRunning.countDown();
			await(bothRunning);
		}, 100, 2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> a = threads.submit(() -> coalescer.process(List.of("a")));
			Future<?> b = threads.submit(() -> coalescer.process(List.of("b")));
			a.get(10, TimeUnit.SECONDS);
			b.get(10, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(bothRunning.getCount()).as("the two batches ran side by side").isZero();
	}

	@Test
	void anItemIsNeverInTwoRunningBatchesAndWaitsForTheOneHoldingIt() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		Set<String> running = Collections.synchronizedSet(new java.util.HashSet<>());
		List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
		List<Set<String>> batches = Collections.synchronizedList(new ArrayList<>());
		Coalescer<String> coalescer = new Coalescer<>(items -> {
			for (String item : items) {
				if (!running.add(item)) {
					overlaps.add(item);
				}
			}
			batches.add(Set.copyOf(items));
			if (items.contains("first")) {
				firstStarted.countDown();
				await(releaseFirst);
			}
			running.removeAll(items);
		}, 100, 2);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			Future<?> first = threads.submit(() -> coalescer.process(List.of("first", "c1")));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> same = threads.submit(() -> coalescer.process(List.of("c1")));
			Future<?> other = threads.submit(() -> coalescer.process(List.of("c2")));
			other.get(10, TimeUnit.SECONDS);
			Thread.sleep(200);
			assertThat(same).as("c1 waits while the first batch holds it").isNotDone();
			releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			same.get(10, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(overlaps).isEmpty();
		assertThat(batches).containsExactly(Set.of("first", "c1"), Set.of("c2"), Set.of("c1"));
	}

	/**
	 * One worker: a caller's batch of "first" is held while the other callers arrive;
	 * none of them may return before it is released.
	 * @return the batches in the order they ran
	 */
	private static List<Set<String>> whileABatchRuns(int maxBatch, List<List<String>> callers) throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<Set<String>> batches = Collections.synchronizedList(new ArrayList<>());
		Coalescer<String> coalescer = new Coalescer<>(items -> {
			batches.add(Set.copyOf(items));
			if (items.contains("first")) {
				firstStarted.countDown();
				await(releaseFirst);
			}
		}, maxBatch, 1);
		ExecutorService threads = Executors.newFixedThreadPool(callers.size() + 1);
		try {
			Future<?> first = threads.submit(() -> coalescer.process(List.of("first")));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (List<String> items : callers) {
				others.add(threads.submit(() -> coalescer.process(items)));
			}
			Thread.sleep(200);
			assertThat(others).as("nobody returns before their items are processed").noneMatch(Future::isDone);
			releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		return batches;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
