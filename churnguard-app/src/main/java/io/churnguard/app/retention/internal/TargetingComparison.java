package io.churnguard.app.retention.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.churnguard.ml.uplift.Contact;
import io.churnguard.ml.uplift.RiskTargeting;
import io.churnguard.ml.uplift.TargetingCandidate;
import io.churnguard.ml.uplift.TargetingPlan;
import io.churnguard.ml.uplift.UpliftTargeting;

/**
 * The same budget spent two ways: by {@link UpliftTargeting} on the customers and actions
 * with the most expected saved value, and — the yardstick — by {@link RiskTargeting} on
 * the riskiest customers with one action, both judged by the same estimates. No Spring
 * and no database here.
 */
final class TargetingComparison {

	private TargetingComparison() {
	}

	/**
	 * A candidate from a learner's estimates. The learner estimates the absolute drop of
	 * the churn probability and its own risk without contact; the share of that risk the
	 * action removes, applied to the churn model's probability, is the drop the targeting
	 * policy prices — so P(churn) comes from the champion churn model and the uplift from
	 * the uplift model. The share is capped at 1: no action removes more than all the
	 * risk.
	 * @param reduction by action, the learner's estimated drop of the churn probability
	 * @param riskWithoutAction by action, the learner's churn probability without contact
	 */
	static TargetingCandidate candidate(String customerId, double churnProbability, double value,
			Map<String, Double> reduction, Map<String, Double> riskWithoutAction) {
		Map<String, Double> relative = new TreeMap<>();
		reduction.forEach((action, drop) -> {
			double risk = Math.max(riskWithoutAction.get(action), 1e-6);
			relative.put(action, Math.min(1.0, drop / risk));
		});
		return new TargetingCandidate(customerId, churnProbability, value, relative);
	}

	static Comparison compare(List<TargetingCandidate> candidates, Map<String, Double> costs, String riskAction,
			double budget) {
		if (!(budget > 0)) {
			throw new IllegalArgumentException("budget must be positive");
		}
		TargetingPlan uplift = new UpliftTargeting(costs).choose(candidates, budget);
		TargetingPlan risk = new RiskTargeting(riskAction, costs.get(riskAction)).choose(candidates, budget);
		return new Comparison(uplift, risk, Totals.of(uplift), Totals.of(risk));
	}

	/**
	 * @param uplift the uplift plan, with its do-not-contact list
	 * @param risk risk targeting's plan for the same budget
	 * @param upliftTotals the uplift plan's totals
	 * @param riskTotals risk targeting's totals
	 */
	record Comparison(TargetingPlan uplift, TargetingPlan risk, Totals upliftTotals, Totals riskTotals) {
	}

	/**
	 * What a plan is expected to achieve, by the estimates.
	 *
	 * @param contacts the customers contacted
	 * @param cost what the contacts cost
	 * @param expectedSavedCustomers the expected number of customers kept who would have
	 * left
	 * @param expectedSavedValue their expected value
	 * @param expectedNetValue saved value minus cost
	 * @param byAction contacts by action
	 */
	record Totals(int contacts, double cost, double expectedSavedCustomers, double expectedSavedValue,
			double expectedNetValue, Map<String, Long> byAction) {

		static Totals of(TargetingPlan plan) {
			Map<String, Long> byAction = new LinkedHashMap<>();
			double savedValue = 0;
			for (Contact contact : plan.contacts()) {
				byAction.merge(contact.action(), 1L, Long::sum);
				savedValue += contact.expectedNetValue() + contact.cost();
			}
			return new Totals(plan.contacts().size(), round(plan.totalCost()), round(plan.expectedSaved()),
					round(savedValue), round(plan.expectedNetValue()), byAction);
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

}
