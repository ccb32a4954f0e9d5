package io.churnguard.ml.feature;

import io.churnguard.ml.event.EventType;

/**
 * A read-only view of one customer's events in an {@link EventBlock}, in time order: what
 * an {@link ObservationPolicy} inspects to choose observation dates and labels.
 */
public final class CustomerEvents {

	private final FeaturePlan plan;

	private EventBlock block;

	private int start;

	private int end;

	CustomerEvents(FeaturePlan plan) {
		this.plan = plan;
	}

	CustomerEvents of(EventBlock block, int customer) {
		this.block = block;
		this.start = block.start(customer);
		this.end = block.end(customer);
		return this;
	}

	/** The number of events. */
	public int size() {
		return this.end - this.start;
	}

	/**
	 * An event's epoch day.
	 * @param i the event's position, 0 for the earliest
	 * @return the day
	 */
	public int day(int i) {
		return this.block.day(this.start + i);
	}

	/**
	 * An event's type.
	 * @param i the event's position
	 * @return the type
	 */
	public EventType type(int i) {
		return this.plan.typeOf(this.block.kind(this.start + i));
	}

}
