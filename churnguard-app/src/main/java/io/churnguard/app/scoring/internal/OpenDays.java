package io.churnguard.app.scoring.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.churnguard.ml.feature.CustomerState;

/**
 * One customer's events of the days not settled yet, in time order, each once: what real
 * time adds to the settled state at every rescoring. Events come from two sides that
 * overlap — a read of the log and the announcements of events received — so each is known
 * by its time and a 64-bit hash of its id (the log's primary key), and an event already
 * held is not added again.
 * <p>
 * Primitive arrays, about 36 bytes an event: a busy day of 100,000 customers fits in a
 * few megabytes. Not thread-safe; its {@link SettledHistories} entry guards it.
 */
final class OpenDays {

	private static final int SECONDS_PER_DAY = 86_400;

	private long[] keys = new long[8];

	private long[] seconds = new long[8];

	private int[] kinds = new int[8];

	private double[] amounts = new double[8];

	private double[] quantities = new double[8];

	private int size;

	/** The number of events held. */
	int size() {
		return this.size;
	}

	/**
	 * Adds an event unless it is held already; events arrive mostly in time order, so
	 * finding its place looks back from the end.
	 * @param eventId the event's id
	 * @param time its time
	 * @param kind its kind in the feature plan
	 * @param amount the amount, NaN when absent
	 * @param quantity the quantity, NaN when absent
	 */
	void add(String eventId, LocalDateTime time, int kind, double amount, double quantity) {
		long second = time.toEpochSecond(ZoneOffset.UTC);
		long key = key(eventId);
		int at = this.size;
		while (at > 0 && this.seconds[at - 1] >= second) {
			// The same id and time is the same event (the log's primary key).
			if (this.seconds[at - 1] == second && this.keys[at - 1] == key) {
				return;
			}
			at--;
		}
		if (this.size == this.keys.length) {
			int capacity = this.size * 2;
			this.keys = Arrays.copyOf(this.keys, capacity);
			this.seconds = Arrays.copyOf(this.seconds, capacity);
			this.kinds = Arrays.copyOf(this.kinds, capacity);
			this.amounts = Arrays.copyOf(this.amounts, capacity);
			this.quantities = Arrays.copyOf(this.quantities, capacity);
		}
		int tail = this.size - at;
		System.arraycopy(this.keys, at, this.keys, at + 1, tail);
		System.arraycopy(this.seconds, at, this.seconds, at + 1, tail);
		System.arraycopy(this.kinds, at, this.kinds, at + 1, tail);
		System.arraycopy(this.amounts, at, this.amounts, at + 1, tail);
		System.arraycopy(this.quantities, at, this.quantities, at + 1, tail);
		this.keys[at] = key;
		this.seconds[at] = second;
		this.kinds[at] = kind;
		this.amounts[at] = amount;
		this.quantities[at] = quantity;
		this.size++;
	}

	/**
	 * Moves the events of days before {@code day} into a state, for good: those days have
	 * closed.
	 * @param day the first day kept open (epoch day)
	 * @param state the settled state
	 */
	void settleBefore(int day, CustomerState state) {
		int n = 0;
		while (n < this.size && day(n) < day) {
			state.add(day(n), this.kinds[n], this.amounts[n], this.quantities[n]);
			n++;
		}
		if (n > 0) {
			int rest = this.size - n;
			System.arraycopy(this.keys, n, this.keys, 0, rest);
			System.arraycopy(this.seconds, n, this.seconds, 0, rest);
			System.arraycopy(this.kinds, n, this.kinds, 0, rest);
			System.arraycopy(this.amounts, n, this.amounts, 0, rest);
			System.arraycopy(this.quantities, n, this.quantities, 0, rest);
			this.size = rest;
		}
	}

	/**
	 * Adds the events before a day (later ones, dated ahead, wait for their day) to a
	 * copy of the settled state.
	 * @param beforeDay the observation day (epoch day)
	 * @param state the copy
	 * @return whether any event was added
	 */
	boolean addBefore(int beforeDay, CustomerState state) {
		boolean any = false;
		for (int i = 0; i < this.size && day(i) < beforeDay; i++) {
			state.add(day(i), this.kinds[i], this.amounts[i], this.quantities[i]);
			any = true;
		}
		return any;
	}

	private int day(int i) {
		return (int) Math.floorDiv(this.seconds[i], SECONDS_PER_DAY);
	}

	/**
	 * FNV-1a over the id's characters: compared only between events of the same second.
	 */
	static long key(String eventId) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < eventId.length(); i++) {
			h ^= eventId.charAt(i);
			h *= 0x100000001b3L;
		}
		return h;
	}

}
