package io.churnguard.bench.app;

import java.util.concurrent.locks.LockSupport;

/**
 * When each request of an open-loop load is due: request {@code i} at
 * {@code start + i / rate}, whatever happened to the requests before it. A sender that
 * falls behind sends at once rather than skipping, and latencies are counted from the
 * intended time, so a stalled server cannot hide its stall by slowing the load down
 * (coordinated omission).
 */
public final class OpenLoopSchedule {

	private final long startNanos;

	private final double intervalNanos;

	private final long count;

	/**
	 * @param startNanos {@link System#nanoTime()} of the first request
	 * @param perSecond requests per second
	 * @param seconds how long the load lasts
	 */
	public OpenLoopSchedule(long startNanos, double perSecond, double seconds) {
		if (perSecond <= 0 || seconds <= 0) {
			throw new IllegalArgumentException("rate and duration must be positive");
		}
		this.startNanos = startNanos;
		this.intervalNanos = 1e9 / perSecond;
		this.count = (long) Math.floor(perSecond * seconds);
	}

	/**
	 * @return how many requests the load holds
	 */
	public long count() {
		return this.count;
	}

	/**
	 * @param index the request, from 0
	 * @return the {@link System#nanoTime()} it is due at
	 */
	public long dueNanos(long index) {
		return this.startNanos + Math.round(index * this.intervalNanos);
	}

	/**
	 * Waits until a request is due; returns at once when it is overdue.
	 * @param index the request
	 * @return how late the caller is, in nanoseconds (0 or more)
	 */
	public long awaitDue(long index) {
		long due = dueNanos(index);
		long now;
		while ((now = System.nanoTime()) < due) {
			LockSupport.parkNanos(due - now);
		}
		return now - due;
	}

}
