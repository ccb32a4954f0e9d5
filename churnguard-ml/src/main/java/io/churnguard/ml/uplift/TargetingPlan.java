package io.churnguard.ml.uplift;

import java.util.List;

/**
 * What a targeting policy decided: whom to contact with which action, and whom not to
 * contact at all because every action is expected to make them leave sooner.
 *
 * @param contacts the contacts, in the order the policy chose them
 * @param doNotContact the customers whose best estimated uplift is negative
 * @param totalCost the cost of the contacts, within the budget
 * @param expectedSaved the expected number of customers saved, by the policy's estimates
 * @param expectedNetValue the expected saved value minus the cost
 */
public record TargetingPlan(List<Contact> contacts, List<String> doNotContact, double totalCost, double expectedSaved,
		double expectedNetValue) {

	/**
	 * Collects a plan.
	 * @param contacts the contacts
	 * @param doNotContact the customers not to contact
	 * @return the plan with its totals
	 */
	static TargetingPlan of(List<Contact> contacts, List<String> doNotContact) {
		return new TargetingPlan(List.copyOf(contacts), List.copyOf(doNotContact),
				contacts.stream().mapToDouble(Contact::cost).sum(),
				contacts.stream().mapToDouble(Contact::expectedSaved).sum(),
				contacts.stream().mapToDouble(Contact::expectedNetValue).sum());
	}

}
