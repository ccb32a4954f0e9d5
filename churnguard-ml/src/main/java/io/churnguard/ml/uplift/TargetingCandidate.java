package io.churnguard.ml.uplift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A customer a campaign could contact, with what each action is expected to do for them.
 *
 * <p>
 * The expected saved value of an action is
 * {@code churnProbability × uplift × value − cost}: here {@code uplift} is
 * <em>relative</em>, the share of the customer's churn risk the action removes, so
 * {@code churnProbability × uplift} is the drop of the churn probability. Uplift learners
 * estimate that drop directly; {@link #ofReduction} converts it.
 *
 * @param customerId the customer
 * @param churnProbability the churn probability within the horizon without contact
 * @param value the value of keeping the customer (for example a year's margin)
 * @param uplift the share of the churn risk each action removes, by action; negative when
 * contact makes leaving likelier
 */
public record TargetingCandidate(String customerId, double churnProbability, double value, Map<String, Double> uplift) {

	/**
	 * Checks and copies the fields.
	 * @param customerId the customer
	 * @param churnProbability the churn probability without contact
	 * @param value the value of keeping the customer
	 * @param uplift the relative uplift by action
	 */
	public TargetingCandidate {
		Objects.requireNonNull(customerId, "customerId");
		uplift = Map.copyOf(uplift);
	}

	/**
	 * A candidate from the drops of the churn probability an uplift model estimates.
	 * @param customerId the customer
	 * @param churnProbability the churn probability without contact
	 * @param value the value of keeping the customer
	 * @param reduction by action, {@code P(churn | no contact) − P(churn | action)}
	 * @return the candidate; with a churn probability of 0 every relative uplift is 0
	 */
	public static TargetingCandidate ofReduction(String customerId, double churnProbability, double value,
			Map<String, Double> reduction) {
		Map<String, Double> relative = new LinkedHashMap<>();
		reduction.forEach((action, drop) -> relative.put(action, (churnProbability > 0) ? drop / churnProbability : 0));
		return new TargetingCandidate(customerId, churnProbability, value, relative);
	}

	/**
	 * The expected number of customers an action saves: the drop of the churn
	 * probability.
	 * @param action the action
	 * @return {@code churnProbability × uplift}, 0 for an action without an estimate
	 */
	public double expectedSaved(String action) {
		return this.churnProbability * this.uplift.getOrDefault(action, 0.0);
	}

}
