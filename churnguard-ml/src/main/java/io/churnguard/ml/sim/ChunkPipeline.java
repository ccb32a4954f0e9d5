package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the customers in chunks on worker threads and writes the chunks' rows in customer
 * order, so the files are the same whatever the thread count. At most a few chunks are in
 * flight at once, which keeps memory constant however many customers there are.
 */
final class ChunkPipeline {

	/**
	 * Roughly the events of one chunk: large enough to amortise, small enough to hold.
	 */
	private static final int EVENTS_PER_CHUNK = 150_000;

	private ChunkPipeline() {
	}

	/** What the run wrote, summed over chunks. */
	record Totals(long events, long churners, long riskDaysInWindow, long treatments) {
	}

	static Totals run(SimulationSetup setup, int threads, Path outDir, SimulationProgress progress) throws IOException {
		int customers = setup.customers;
		int windowMonths = Math.max(1, (setup.horizonDays - setup.windowStartDay) / 30);
		int horizonMonths = Math.max(1, setup.horizonDays / 30);
		// History before the window is simulated too, so chunk by the whole horizon.
		int chunkSize = Math.max(16,
				Math.min(4096, EVENTS_PER_CHUNK / (Math.max(windowMonths, horizonMonths / 2) * 14)));
		int chunks = (int) ((customers + (long) chunkSize - 1) / chunkSize);
		int maxInFlight = 2 * threads + 1;
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "churnguard-sim-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		ThreadLocal<CustomerSimulation> simulations = ThreadLocal.withInitial(() -> new CustomerSimulation(setup));
		ConcurrentLinkedQueue<Chunk> free = new ConcurrentLinkedQueue<>();
		Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
		long events = 0;
		long churners = 0;
		long riskDays = 0;
		long treatments = 0;
		try (OutputStream customersOut = Files.newOutputStream(outDir.resolve("customers.csv"));
				OutputStream eventsOut = Files.newOutputStream(outDir.resolve("events.csv"));
				OutputStream truthOut = Files.newOutputStream(outDir.resolve("truth.csv"))) {
			customersOut.write(CustomerSimulation.CUSTOMERS_HEADER);
			eventsOut.write(EventRowWriter.HEADER);
			truthOut.write(CustomerSimulation.TRUTH_HEADER);
			int next = 0;
			long done = 0;
			while (next < chunks && inFlight.size() < maxInFlight) {
				inFlight.add(submit(pool, simulations, free, next++, chunkSize, customers));
			}
			while (!inFlight.isEmpty()) {
				Chunk chunk = await(inFlight.poll());
				chunk.customers.writeTo(customersOut);
				chunk.events.writeTo(eventsOut);
				chunk.truth.writeTo(truthOut);
				events += chunk.eventCount;
				churners += chunk.churners;
				riskDays += chunk.riskDays;
				treatments += chunk.treatments;
				done += chunk.size;
				free.add(chunk);
				if (next < chunks) {
					inFlight.add(submit(pool, simulations, free, next++, chunkSize, customers));
				}
				progress.customersDone(done, customers);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new Totals(events, churners, riskDays, treatments);
	}

	private static Future<Chunk> submit(ExecutorService pool, ThreadLocal<CustomerSimulation> simulations,
			ConcurrentLinkedQueue<Chunk> free, int chunkIndex, int chunkSize, int customers) {
		Chunk recycled = free.poll();
		Chunk chunk = (recycled != null) ? recycled : new Chunk();
		int from = chunkIndex * chunkSize;
		int to = (int) Math.min(customers, (long) from + chunkSize);
		return pool.submit(() -> {
			chunk.reset();
			CustomerSimulation simulation = simulations.get();
			simulation.resetEventCount();
			for (int index = from; index < to; index++) {
				simulation.simulate(index, chunk.customers, chunk.events, chunk.truth);
				chunk.churners += simulation.churnedInWindow ? 1 : 0;
				chunk.riskDays += simulation.riskDaysInWindow;
				chunk.treatments += simulation.treatmentsApplied;
			}
			chunk.eventCount = simulation.eventsWritten();
			chunk.size = to - from;
			return chunk;
		});
	}

	private static Chunk await(Future<Chunk> future) throws IOException {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("simulation interrupted");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("simulation failed", cause);
		}
	}

	/** The rows and counts of one chunk of customers; recycled from chunk to chunk. */
	private static final class Chunk {

		final CsvBuffer customers = new CsvBuffer(1 << 16);

		final CsvBuffer events = new CsvBuffer(1 << 20);

		final CsvBuffer truth = new CsvBuffer(1 << 16);

		long eventCount;

		long churners;

		long riskDays;

		long treatments;

		int size;

		void reset() {
			this.customers.clear();
			this.events.clear();
			this.truth.clear();
			this.eventCount = 0;
			this.churners = 0;
			this.riskDays = 0;
			this.treatments = 0;
			this.size = 0;
		}

	}

}
