package io.churnguard.ml.uplift;

import java.util.List;
import java.util.Map;

/**
 * The yardstick of targeting: the {@link UpliftTargeting} policy fed with the
 * <em>true</em> uplift of every customer, which only a simulation knows. No policy
 * working from estimates saves more with the same budget, so the share of the oracle's
 * savings a policy reaches says how much better the estimates could still get.
 */
public final class OracleTargeting {

	private final UpliftTargeting policy;

	/**
	 * Creates the oracle.
	 * @param costByAction the cost of each action
	 */
	public OracleTargeting(Map<String, Double> costByAction) {
		this.policy = new UpliftTargeting(costByAction);
	}

	/**
	 * Chooses the contacts.
	 * @param truth the customers with their true churn probability and true relative
	 * uplift
	 * @param budget the most the contacts may cost together
	 * @return the best plan the budget allows
	 */
	public TargetingPlan choose(List<TargetingCandidate> truth, double budget) {
		return this.policy.choose(truth, budget);
	}

}
