package io.churnguard.bench.features;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every few milliseconds on a daemon thread and keeps the peak:
 * closer to the true peak than pool peaks, which add up maxima reached at different
 * times.
 */
final class HeapSampler implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long peak;

	HeapSampler() {
		this.peak = used();
		this.thread = new Thread(() -> {
			while (this.running) {
				this.peak = Math.max(this.peak, used());
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	long used() {
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	long peak() {
		return Math.max(this.peak, used());
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
