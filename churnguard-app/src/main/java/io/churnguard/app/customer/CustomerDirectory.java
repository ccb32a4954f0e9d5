package io.churnguard.app.customer;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What other modules may ask the archive without seeing anyone's personal data. */
public interface CustomerDirectory {

	/** Which of these customer ids are in the archive. */
	Set<String> existing(Collection<String> customerIds);

	/** The declared custom attributes and their types. */
	Map<String, AttributeType> declaredAttributes();

	/**
	 * Declares a custom attribute so imports keep it; declaring an existing one again is
	 * a no-op.
	 * @param name the attribute name, as in the source file
	 * @param type its type
	 */
	void declareAttribute(String name, AttributeType type);

	/**
	 * Marks customers as churned from their churn events, keeping an earlier recorded
	 * churn.
	 * @param churns churn date and reason by customer id
	 * @return how many active customers became churned
	 */
	int markChurned(java.util.Map<String, Churn> churns);

	/**
	 * @param date the day the customer left
	 * @param reason the recorded reason (the churn event's subtype), or null
	 */
	record Churn(java.time.LocalDate date, String reason) {
	}

}
