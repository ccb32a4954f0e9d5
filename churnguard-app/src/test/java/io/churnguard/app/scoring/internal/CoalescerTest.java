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
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<Set<String>> batches = Collections.synchronizedList(new ArrayList<>());
		Coalescer<String> coalescer = new Coalescer<>(items -> {
			batches.add(Set.copyOf(items));
			if (items.contains("first")) {
				firstStarted.countDown();
				await(releaseFirst);
			}
		}, 100, 1);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			Future<?> first = threads.submit(() -> coalescer.process(List.of("first")));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String id = "c" + i;
				others.add(threads.submit(() -> coalescer.process(List.of(id, "shared"))));
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
		assertThat(batches.get(0)).containsExactly("first");
		assertThat(batches.subList(1, batches.size())).as("the five waiting callers, in one batch")
			.containsExactly(Set.of("c0", "c1", "c2", "c3", "c4", "shared"));
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
	void batchesStayWithinTheirLimitWithoutSplittingACaller() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
		Coalescer<String> coalescer = new Coalescer<>(items -> {
			sizes.add(items.size());
			if (items.contains("first")) {
				firstStarted.countDown();
				await(releaseFirst);
			}
		}, 4, 1);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			Future<?> first = threads.submit(() -> coalescer.process(List.of("first")));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String id = "c" + i;
				others.add(threads.submit(() -> coalescer.process(List.of(id + "a", id + "b", id + "c"))));
			}
			Thread.sleep(200);
			releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(sizes).containsExactly(1, 3, 3, 3);
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

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
