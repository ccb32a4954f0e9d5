package io.churnguard.ml.sim;

import java.nio.charset.StandardCharsets;

import io.churnguard.ml.event.EventType;

/**
 * Writes the rows of events.csv for one customer at a time. Event ids are the customer id
 * and a running number ({@code C00000001-17}); the number counts every event of the
 * customer's history, written or not, so a continued simulation gives the same event the
 * same id.
 */
final class EventRowWriter {

	static final byte[] HEADER = "event_id,customer_id,event_time,event_type,subtype,amount,quantity,attributes\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[][] TYPE_CODES = new byte[EventType.values().length][];

	static {
		for (EventType type : EventType.values()) {
			TYPE_CODES[type.ordinal()] = type.code().getBytes(StandardCharsets.US_ASCII);
		}
	}

	private final SimCalendar calendar;

	private final int windowStart;

	private CsvBuffer out;

	private byte[] customerId;

	private int sequence;

	private long written;

	/**
	 * @param windowStart the first day whose events are written; earlier events only
	 * advance the running number
	 */
	EventRowWriter(SimCalendar calendar, int windowStart) {
		this.calendar = calendar;
		this.windowStart = windowStart;
	}

	void begin(byte[] customerId, CsvBuffer out) {
		this.customerId = customerId;
		this.out = out;
		this.sequence = 0;
	}

	long written() {
		return this.written;
	}

	void resetCount() {
		this.written = 0;
	}

	void write(int day, int second, int type, byte[] subtype, double amount, double quantity, int decimals,
			byte[] attributes) {
		this.sequence++;
		if (day < this.windowStart) {
			return;
		}
		this.written++;
		CsvBuffer o = this.out;
		o.bytes(this.customerId).ascii('-').integer(this.sequence).comma();
		o.bytes(this.customerId).comma();
		this.calendar.writeDateTime(o, day, second);
		o.comma().bytes(TYPE_CODES[type]).comma();
		if (subtype != null) {
			o.bytes(subtype);
		}
		o.comma().fixed(amount, 2).comma().fixed(quantity, decimals).comma();
		if (attributes != null) {
			o.bytes(attributes);
		}
		o.newline();
	}

}
