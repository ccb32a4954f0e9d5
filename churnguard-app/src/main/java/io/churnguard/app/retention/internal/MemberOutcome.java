package io.churnguard.app.retention.internal;

/**
 * What counts as a campaign member's outcome, in one place for the evaluation and for
 * uplift training: the member churned when the archive says so and the churn came within
 * the campaign's observation window after enrolment (a churn without a date counts). The
 * enrolment day is taken in the configured time zone.
 */
final class MemberOutcome {

	/**
	 * The SQL condition over {@code campaign_member m}, {@code campaign k} and
	 * {@code customer c}; its one parameter is the time zone.
	 */
	static final String CHURNED_IN_WINDOW = "(c.status = 'churned' and (c.churn_date is null "
			+ "or c.churn_date < (m.enrolled_at at time zone ?)::date + k.observation_days))";

	private MemberOutcome() {
	}

}
