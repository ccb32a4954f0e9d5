package io.churnguard.ml.uplift;

/**
 * One contact of a targeting plan.
 *
 * @param customerId the customer
 * @param action the action to take
 * @param cost what the action costs
 * @param expectedSaved the expected drop of the customer's churn probability
 * @param expectedNetValue {@code expectedSaved × value − cost}
 */
public record Contact(String customerId, String action, double cost, double expectedSaved, double expectedNetValue) {
}
