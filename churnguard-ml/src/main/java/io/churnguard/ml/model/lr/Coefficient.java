package io.churnguard.ml.model.lr;

/**
 * One row of the coefficient table.
 *
 * @param name the design column, e.g. {@code tenure} or {@code Contract=Two year};
 * {@code (Intercept)} for the intercept
 * @param variable the variable it belongs to
 * @param estimate the coefficient on the log-odds scale, per unit of the column
 * @param standardError its standard error
 * @param z the Wald statistic, estimate / standard error
 * @param pValue the two-sided p-value of the Wald test
 * @param oddsRatio exp(estimate)
 * @param oddsRatioLower lower end of the 95 % interval of the odds ratio
 * @param oddsRatioUpper upper end of the 95 % interval of the odds ratio
 * @param aliased true when the column is a linear combination of others and was left out
 * (all statistics NaN)
 */
public record Coefficient(String name, String variable, double estimate, double standardError, double z, double pValue,
		double oddsRatio, double oddsRatioLower, double oddsRatioUpper, boolean aliased) {

	/** The name of the intercept row. */
	public static final String INTERCEPT = "(Intercept)";

}
