package io.churnguard.ml.uplift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targeting policy that spends a budget where the estimated uplift saves the most
 * value.
 *
 * <p>
 * Every (customer, action) pair has an expected net value
 * {@code churnProbability × uplift × value − cost}. Pairs with a positive net value are
 * taken greedily by net value per unit of cost (free actions first, then by net value),
 * each customer at most once, skipping a pair that no longer fits the budget and going on
 * with cheaper ones. The greedy answer is the optimum of the fractional knapsack and,
 * with costs that are small next to the budget (as a contact's cost is next to a
 * campaign's), within one contact's value of the integer optimum; it also runs in
 * {@code O(n log n)} on a million customers.
 *
 * <p>
 * Customers whose best estimated uplift over all actions is negative go to the
 * {@code doNotContact} list: contact of any kind is expected to make them leave sooner
 * (the "sleeping dogs"), so campaigns, playbooks and agents should leave them alone.
 */
public final class UpliftTargeting {

	private final Map<String, Double> costByAction;

	/**
	 * Creates the policy.
	 * @param costByAction the cost of each action, not negative; actions without a cost
	 * are never chosen
	 */
	public UpliftTargeting(Map<String, Double> costByAction) {
		costByAction.forEach((action, cost) -> {
			if (!(cost >= 0)) {
				throw new IllegalArgumentException("the cost of " + action + " must not be negative: " + cost);
			}
		});
		this.costByAction = Map.copyOf(costByAction);
	}

	/**
	 * Chooses the contacts.
	 * @param candidates the customers with their estimates
	 * @param budget the most the contacts may cost together
	 * @return the plan and the customers not to contact
	 */
	public TargetingPlan choose(List<TargetingCandidate> candidates, double budget) {
		List<Contact> options = new ArrayList<>();
		List<String> doNotContact = new ArrayList<>();
		for (TargetingCandidate candidate : candidates) {
			double best = Double.NEGATIVE_INFINITY;
			for (Map.Entry<String, Double> uplift : candidate.uplift().entrySet()) {
				best = Math.max(best, uplift.getValue());
				Double cost = this.costByAction.get(uplift.getKey());
				if (cost == null) {
					continue;
				}
				double saved = candidate.expectedSaved(uplift.getKey());
				double net = saved * candidate.value() - cost;
				if (net > 0) {
					options.add(new Contact(candidate.customerId(), uplift.getKey(), cost, saved, net));
				}
			}
			if (best < 0) {
				doNotContact.add(candidate.customerId());
			}
		}
		options.sort(Comparator.comparingDouble(UpliftTargeting::netPerCost)
			.thenComparingDouble(Contact::expectedNetValue)
			.reversed()
			.thenComparing(Contact::customerId)
			.thenComparing(Contact::action));
		List<Contact> chosen = new ArrayList<>();
		Set<String> contacted = new HashSet<>();
		double spent = 0;
		for (Contact option : options) {
			if (spent + option.cost() <= budget && !contacted.contains(option.customerId())) {
				chosen.add(option);
				contacted.add(option.customerId());
				spent += option.cost();
			}
		}
		return TargetingPlan.of(chosen, doNotContact);
	}

	private static double netPerCost(Contact contact) {
		return (contact.cost() == 0) ? Double.POSITIVE_INFINITY : contact.expectedNetValue() / contact.cost();
	}

}
