package io.churnguard.app.retention.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * No customer is contacted more than N times in M days, counting every campaign: a
 * contact is an issued task that was not cancelled, whatever its outcome. Counting at
 * issue rather than at outcome keeps the limit even while tasks are still being worked.
 */
final class ContactFrequencyPolicy {

	private final int maxContacts;

	private final int windowDays;

	ContactFrequencyPolicy(int maxContacts, int windowDays) {
		if (maxContacts < 1 || windowDays < 1) {
			throw new IllegalArgumentException("the contact policy needs at least 1 contact in at least 1 day");
		}
		this.maxContacts = maxContacts;
		this.windowDays = windowDays;
	}

	/**
	 * @param previousContacts when the customer was contacted before, by any campaign
	 * @param at when the new contact would be issued
	 * @return allowed while fewer than N contacts fall in the M days up to {@code at}
	 */
	Decision check(Collection<Instant> previousContacts, Instant at) {
		Instant since = at.minus(Duration.ofDays(this.windowDays));
		long recent = previousContacts.stream().filter(t -> t.isAfter(since) && !t.isAfter(at)).count();
		return (recent < this.maxContacts) ? Decision.allow() : Decision.refuse("frequency");
	}

	int maxContacts() {
		return this.maxContacts;
	}

	int windowDays() {
		return this.windowDays;
	}

}
