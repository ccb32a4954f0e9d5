package io.churnguard.ml.model.lr;

/**
 * The Wald test that all coefficients of a variable are zero: for a variable with one
 * column it equals the coefficient's z test; for a one-hot encoded category it tests all
 * its levels together, which is what backward elimination drops by.
 *
 * @param variable the variable
 * @param degreesOfFreedom its number of (non-aliased) columns
 * @param chiSquare the Wald chi-square statistic
 * @param pValue the p-value
 */
public record VariableTest(String variable, int degreesOfFreedom, double chiSquare, double pValue) {
}
