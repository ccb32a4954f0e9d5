package io.churnguard.ml.uplift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The usual practice, kept as the baseline uplift targeting must beat: contact the
 * customers most likely to churn, all with the same action, until the budget is spent. It
 * ignores whether the action works on them, and so spends part of the budget on customers
 * it cannot keep and on customers it drives away.
 */
public final class RiskTargeting {

	private final String action;

	private final double cost;

	/**
	 * Creates the policy.
	 * @param action the action every contact gets
	 * @param cost its cost per contact, not negative
	 */
	public RiskTargeting(String action, double cost) {
		if (!(cost >= 0)) {
			throw new IllegalArgumentException("cost must not be negative: " + cost);
		}
		this.action = action;
		this.cost = cost;
	}

	/**
	 * Chooses the contacts, highest churn probability first.
	 * @param candidates the customers; their uplift estimates, when present, only fill in
	 * the plan's expected figures
	 * @param budget the most the contacts may cost together
	 * @return the plan; its do-not-contact list is empty, as risk alone cannot tell
	 */
	public TargetingPlan choose(List<TargetingCandidate> candidates, double budget) {
		List<TargetingCandidate> byRisk = new ArrayList<>(candidates);
		byRisk.sort(Comparator.comparingDouble(TargetingCandidate::churnProbability)
			.reversed()
			.thenComparing(TargetingCandidate::customerId));
		List<Contact> chosen = new ArrayList<>();
		double spent = 0;
		for (TargetingCandidate candidate : byRisk) {
			if (spent + this.cost > budget) {
				break;
			}
			double saved = candidate.expectedSaved(this.action);
			chosen.add(new Contact(candidate.customerId(), this.action, this.cost, saved,
					saved * candidate.value() - this.cost));
			spent += this.cost;
		}
		return TargetingPlan.of(chosen, List.of());
	}

}
