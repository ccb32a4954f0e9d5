package io.churnguard.ml.feature;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.EventType;

/**
 * What counts as churn, and so the day a customer churned: an explicit churn event (or
 * the archive's churn date), optionally the end of a contract that was not renewed, or —
 * for businesses without contracts — a spell of inactivity.
 */
public final class ChurnDefinition {

	private final Rule rule;

	private final int inactivityDays;

	private final Set<EventType> activityTypes;

	private ChurnDefinition(Rule rule, int inactivityDays, Set<EventType> activityTypes) {
		this.rule = rule;
		this.inactivityDays = inactivityDays;
		this.activityTypes = activityTypes;
	}

	/**
	 * Churn is the first {@code churn} event, or else the archive's churn date.
	 * @return the definition
	 */
	public static ChurnDefinition churnEvent() {
		return new ChurnDefinition(Rule.EVENT, 0, Set.of());
	}

	/**
	 * Churn is the first {@code churn} event, the archive's churn date, or the end of the
	 * customer's contract when it lies before the end of the data: the archive holds the
	 * current contract, so an end in the past is one that was not renewed.
	 * @return the definition
	 */
	public static ChurnDefinition churnEventOrContractEnd() {
		return new ChurnDefinition(Rule.EVENT_OR_CONTRACT_END, 0, Set.of());
	}

	/**
	 * Churn is the first day of a spell of {@code days} days without activity (every
	 * event type but bills and churn events counts as activity).
	 * @param days the length of the inactive spell
	 * @return the definition
	 */
	public static ChurnDefinition inactivity(int days) {
		return inactivity(days, EnumSet.complementOf(EnumSet.of(EventType.BILL, EventType.CHURN)));
	}

	/**
	 * Churn is the first day of a spell of {@code days} days without an event of the
	 * given types.
	 * @param days the length of the inactive spell
	 * @param activityTypes the event types that count as activity
	 * @return the definition
	 */
	public static ChurnDefinition inactivity(int days, Set<EventType> activityTypes) {
		if (days < 1) {
			throw new IllegalArgumentException("an inactivity spell needs at least one day");
		}
		return new ChurnDefinition(Rule.INACTIVITY, days, Set.copyOf(Objects.requireNonNull(activityTypes)));
	}

	/**
	 * How many days after a churn day must be seen before it is known: an inactive spell
	 * is only churn once it has lasted its length.
	 * @return 0 for explicit churn, the spell length for inactivity
	 */
	public int confirmationDays() {
		return this.inactivityDays;
	}

	/**
	 * The day a customer churned, as far as the data up to {@code dataEndDay} shows.
	 * @param attributes the archive attributes, null when unknown
	 * @param events the customer's events in time order
	 * @param dataEndDay the first epoch day after the data
	 * @return the churn epoch day, or {@link Integer#MIN_VALUE} when the customer did not
	 * churn (or not observably so) before the end of the data
	 */
	public int churnDay(CustomerAttributes attributes, CustomerEvents events, int dataEndDay) {
		return switch (this.rule) {
			case EVENT -> explicit(attributes, events, dataEndDay);
			case EVENT_OR_CONTRACT_END ->
				earliest(explicit(attributes, events, dataEndDay), contractEnd(attributes, dataEndDay));
			case INACTIVITY -> inactive(attributes, events, dataEndDay);
		};
	}

	private static int explicit(CustomerAttributes attributes, CustomerEvents events, int dataEndDay) {
		int churn = CustomerState.NONE;
		for (int i = 0; i < events.size(); i++) {
			if (events.type(i) == EventType.CHURN) {
				churn = events.day(i);
				break;
			}
		}
		if (attributes != null && attributes.churnDate() != null) {
			churn = earliest(churn, (int) attributes.churnDate().toEpochDay());
		}
		return (churn != CustomerState.NONE && churn < dataEndDay) ? churn : CustomerState.NONE;
	}

	private static int contractEnd(CustomerAttributes attributes, int dataEndDay) {
		if (attributes == null || attributes.contractEndDate() == null) {
			return CustomerState.NONE;
		}
		int end = (int) attributes.contractEndDate().toEpochDay();
		return (end < dataEndDay) ? end : CustomerState.NONE;
	}

	private int inactive(CustomerAttributes attributes, CustomerEvents events, int dataEndDay) {
		int previous = (attributes != null && attributes.joinDate() != null)
				? (int) attributes.joinDate().toEpochDay() - 1 : CustomerState.NONE;
		for (int i = 0; i < events.size(); i++) {
			if (!this.activityTypes.contains(events.type(i))) {
				continue;
			}
			int day = events.day(i);
			if (previous != CustomerState.NONE && day - previous > this.inactivityDays) {
				return previous + 1;
			}
			previous = Math.max(previous, day);
		}
		// Only a spell that has run its full length before the data ends is churn.
		if (previous != CustomerState.NONE && previous + this.inactivityDays < dataEndDay) {
			return previous + 1;
		}
		return CustomerState.NONE;
	}

	private static int earliest(int a, int b) {
		if (a == CustomerState.NONE) {
			return b;
		}
		return (b == CustomerState.NONE) ? a : Math.min(a, b);
	}

	@Override
	public String toString() {
		return switch (this.rule) {
			case EVENT -> "churn event";
			case EVENT_OR_CONTRACT_END -> "churn event or contract end";
			case INACTIVITY -> "inactivity for " + this.inactivityDays + " days";
		};
	}

	private enum Rule {

		EVENT, EVENT_OR_CONTRACT_END, INACTIVITY

	}

}
