package io.churnguard.ml.feature;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;

/**
 * Features kept up to date one event at a time, for real-time scoring. Each customer has
 * its own {@link CustomerState}, the same class the batch runner sweeps with, so values
 * equal batch values exactly. Safe for concurrent use: updates and reads of one customer
 * are serialized on that customer's state.
 */
public final class IncrementalFeatures {

	private final FeaturePlan plan;

	private final Map<String, CustomerState> states = new ConcurrentHashMap<>();

	/**
	 * Creates an empty store.
	 * @param plan the compiled features
	 */
	public IncrementalFeatures(FeaturePlan plan) {
		this.plan = Objects.requireNonNull(plan, "plan");
	}

	/**
	 * Sets or replaces a customer's archive attributes.
	 * @param attributes the attributes
	 */
	public void attributes(CustomerAttributes attributes) {
		CustomerState state = state(attributes.customerId());
		synchronized (state) {
			state.attributes(attributes);
		}
	}

	/**
	 * Adds an event. Events of a customer must arrive in time order (same-day events in
	 * any order).
	 * @param event the event
	 * @throws IllegalArgumentException when the event lies before the customer's latest
	 * day
	 */
	public void add(Event event) {
		CustomerState state = state(event.customerId());
		synchronized (state) {
			state.add(event);
		}
	}

	/**
	 * The customer's features as of the start of a date.
	 * @param customerId the customer
	 * @param asOf the observation date; every event added for the customer must lie
	 * before it
	 * @return the values; those of a customer with no event and no attributes when
	 * unknown
	 */
	public FeatureVector asOf(String customerId, LocalDate asOf) {
		CustomerState state = state(customerId);
		synchronized (state) {
			FeatureVector features = state.evaluate(asOf);
			state.releaseScratch();
			return features;
		}
	}

	/** The number of customers with a state. */
	public int customerCount() {
		return this.states.size();
	}

	/**
	 * Drops a customer's state, e.g. after churn.
	 * @param customerId the customer
	 */
	public void forget(String customerId) {
		this.states.remove(customerId);
	}

	private CustomerState state(String customerId) {
		return this.states.computeIfAbsent(customerId, (id) -> {
			CustomerState state = this.plan.newState();
			state.reset(id, null);
			return state;
		});
	}

}
