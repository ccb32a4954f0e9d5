package io.churnguard.ml.experiment;

/**
 * What a campaign earned: its cost, the customers it saved (the measured uplift applied
 * to the treated group), their value and the return on the cost.
 *
 * <p>
 * A campaign that cost nothing has no ratio to report; its {@code roi} is 0 by convention
 * and its worth is read from {@code savedValue}. A harmful campaign has negative saved
 * customers and value, and an ROI below −1.
 *
 * @param cost the campaign's total cost
 * @param savedCustomers {@code uplift × treated}: customers kept who would otherwise have
 * left
 * @param savedValue {@code savedCustomers × valuePerCustomer}
 * @param roi {@code (savedValue − cost) / cost}, 0 when the cost is 0
 */
public record Roi(double cost, double savedCustomers, double savedValue, double roi) {

	/**
	 * Computes the return of a measured effect.
	 * @param effect the measured effect
	 * @param cost the total cost of treating the treated group, not negative
	 * @param valuePerCustomer the value of keeping one customer (for example a year's
	 * margin)
	 * @return the return
	 */
	public static Roi of(Effect effect, double cost, double valuePerCustomer) {
		if (!(cost >= 0)) {
			throw new IllegalArgumentException("cost must not be negative: " + cost);
		}
		double savedCustomers = effect.uplift() * effect.treated();
		double savedValue = savedCustomers * valuePerCustomer;
		double roi = (cost == 0) ? 0 : (savedValue - cost) / cost;
		return new Roi(cost, savedCustomers, savedValue, roi);
	}

}
