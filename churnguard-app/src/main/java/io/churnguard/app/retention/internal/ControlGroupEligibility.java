package io.churnguard.app.retention.internal;

/**
 * Who may be held out in a control group. White-listed customers are always treated, so
 * they are never randomized: they join as {@code exempt} members, treated but outside the
 * experiment, and the evaluation leaves them out so they cannot bias the uplift.
 */
final class ControlGroupEligibility {

	Decision check(ContactStanding standing) {
		return standing.whiteListed() ? Decision.refuse("white_list") : Decision.allow();
	}

}
