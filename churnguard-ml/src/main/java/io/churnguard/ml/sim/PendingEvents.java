package io.churnguard.ml.sim;

import java.util.Arrays;

import io.churnguard.ml.event.EventType;

/**
 * The events of one customer that are drawn but not yet written: a week's events in
 * random order, and payments due in later weeks. Flushing writes those before a day in
 * time order (ties in drawing order) and drops anything after a churn.
 */
final class PendingEvents {

	private int size;

	private long[] keys = new long[64];

	private int[] order = new int[64];

	private byte[] types = new byte[64];

	private byte[][] subtypes = new byte[64][];

	private double[] amounts = new double[64];

	private double[] quantities = new double[64];

	private byte[] quantityDecimals = new byte[64];

	private byte[][] attributes = new byte[64][];

	private int sequence;

	void clear() {
		this.size = 0;
		this.sequence = 0;
		Arrays.fill(this.subtypes, null);
		Arrays.fill(this.attributes, null);
	}

	int size() {
		return this.size;
	}

	/**
	 * Adds an event.
	 * @param amount money, NaN when absent
	 * @param quantity a count or measure, NaN when absent
	 * @param decimals the decimals to write the quantity with
	 * @param attributes the attributes as CSV field bytes, or null
	 */
	void add(int day, int second, EventType type, byte[] subtype, double amount, double quantity, int decimals,
			byte[] attributes) {
		if (this.size == this.keys.length) {
			grow();
		}
		int i = this.size++;
		// Day and second in the high bits, the drawing order in the low bits: a stable
		// sort.
		this.keys[i] = ((((long) day + (1L << 20)) * 86_400 + second) << 20) | (this.sequence++ & 0xFFFFF);
		this.types[i] = (byte) type.ordinal();
		this.subtypes[i] = subtype;
		this.amounts[i] = amount;
		this.quantities[i] = quantity;
		this.quantityDecimals[i] = (byte) decimals;
		this.attributes[i] = attributes;
	}

	/** Writes, in time order, the events before the given day, and keeps the rest. */
	void flushBefore(int day, EventRowWriter writer) {
		flush((((long) day + (1L << 20)) * 86_400) << 20, writer, false);
	}

	/**
	 * Writes the events up to and including the given moment and drops everything after
	 * it: the customer has left.
	 */
	void flushThrough(int day, int second, EventRowWriter writer) {
		flush(((((long) day + (1L << 20)) * 86_400 + second + 1) << 20), writer, true);
	}

	private void flush(long limit, EventRowWriter writer, boolean dropRest) {
		int due = 0;
		for (int i = 0; i < this.size; i++) {
			if (this.keys[i] < limit) {
				this.order[due++] = i;
			}
		}
		sortByKey(due);
		for (int k = 0; k < due; k++) {
			int i = this.order[k];
			long key = this.keys[i] >>> 20;
			int day = (int) (key / 86_400 - (1L << 20));
			int second = (int) (key % 86_400);
			writer.write(day, second, this.types[i], this.subtypes[i], this.amounts[i], this.quantities[i],
					this.quantityDecimals[i], this.attributes[i]);
		}
		if (dropRest) {
			this.size = 0;
			return;
		}
		int kept = 0;
		for (int i = 0; i < this.size; i++) {
			if (this.keys[i] >= limit) {
				move(i, kept++);
			}
		}
		this.size = kept;
	}

	private void sortByKey(int count) {
		for (int a = 1; a < count; a++) {
			int current = this.order[a];
			long key = this.keys[current];
			int b = a - 1;
			while (b >= 0 && this.keys[this.order[b]] > key) {
				this.order[b + 1] = this.order[b];
				b--;
			}
			this.order[b + 1] = current;
		}
	}

	private void move(int from, int to) {
		if (from == to) {
			return;
		}
		this.keys[to] = this.keys[from];
		this.types[to] = this.types[from];
		this.subtypes[to] = this.subtypes[from];
		this.amounts[to] = this.amounts[from];
		this.quantities[to] = this.quantities[from];
		this.quantityDecimals[to] = this.quantityDecimals[from];
		this.attributes[to] = this.attributes[from];
	}

	private void grow() {
		int capacity = this.keys.length * 2;
		this.keys = Arrays.copyOf(this.keys, capacity);
		this.order = Arrays.copyOf(this.order, capacity);
		this.types = Arrays.copyOf(this.types, capacity);
		this.subtypes = Arrays.copyOf(this.subtypes, capacity);
		this.amounts = Arrays.copyOf(this.amounts, capacity);
		this.quantities = Arrays.copyOf(this.quantities, capacity);
		this.quantityDecimals = Arrays.copyOf(this.quantityDecimals, capacity);
		this.attributes = Arrays.copyOf(this.attributes, capacity);
	}

}
