package io.churnguard.ml.event;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * One behaviour event of one customer: the shared vocabulary of the simulator, the
 * importers and the feature engine.
 *
 * @param eventId unique id; re-importing an event with a known id adds nothing
 * @param customerId the customer it belongs to
 * @param time wall-clock time in the business's time zone (Asia/Shanghai by default)
 * @param type the kind of event
 * @param subtype a finer kind within the type (e.g. {@code voice}, {@code data},
 * {@code late}); empty when none
 * @param amount money in the business currency, or {@link Double#NaN} when absent
 * @param quantity a count or measure (minutes, MB, days late), or {@link Double#NaN} when
 * absent
 * @param attributes further named values, e.g. a complaint's category and text; never
 * null
 */
public record Event(String eventId, String customerId, LocalDateTime time, EventType type, String subtype,
		double amount, double quantity, Map<String, String> attributes) {

	public Event {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(type, "type");
		subtype = (subtype != null) ? subtype : "";
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	/** Whether the event carries an amount. */
	public boolean hasAmount() {
		return !Double.isNaN(this.amount);
	}

	/** Whether the event carries a quantity. */
	public boolean hasQuantity() {
		return !Double.isNaN(this.quantity);
	}

}
