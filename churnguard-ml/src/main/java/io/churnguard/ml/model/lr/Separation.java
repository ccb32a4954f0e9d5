package io.churnguard.ml.model.lr;

import java.util.List;

/**
 * What the fit found about (quasi-)separation: when some variables predict the outcome
 * perfectly for a group of rows, maximum likelihood estimates do not exist and an
 * unpenalized fit returns huge coefficients with meaningless standard errors.
 *
 * @param kind none, quasi-complete or complete
 * @param variables the variables whose coefficients diverge
 * @param rowsAtZeroOrOne rows whose fitted probability is numerically 0 or 1
 * @param remedy what was done about it, or null
 */
public record Separation(Kind kind, List<String> variables, int rowsAtZeroOrOne, String remedy) {

	/** No separation. */
	public static final Separation NONE = new Separation(Kind.NONE, List.of(), 0, null);

	/** Whether any separation was detected. */
	public boolean detected() {
		return this.kind != Kind.NONE;
	}

	/** The kinds of separation. */
	public enum Kind {

		/** The estimates exist. */
		NONE,
		/** Some rows are perfectly predicted. */
		QUASI_COMPLETE,
		/** All rows are perfectly predicted. */
		COMPLETE

	}

}
