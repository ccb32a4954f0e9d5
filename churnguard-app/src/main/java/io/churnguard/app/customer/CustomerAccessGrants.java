package io.churnguard.app.customer;

import java.util.Collection;

/**
 * Access to a customer that comes from work rather than ownership. An agent sees the
 * customers they own; an agent given a warning about a customer of their team whom they
 * do not own must also see that customer — to read the timeline and call them — for as
 * long as the warning is theirs, and no longer. {@link CustomerScope} includes these
 * grants, so the 360 view, lists and unmasking (audited as ever) follow them.
 * <p>
 * Each piece of work grants one user at a time: granting it again moves the grant, so a
 * reassigned warning stops showing its customer to the previous owner.
 */
public interface CustomerAccessGrants {

	/**
	 * Gives each piece of work's user access to its customer, replacing whoever held that
	 * work's grant before.
	 * @param grants the grants
	 */
	void grant(Collection<Grant> grants);

	/**
	 * Ends the grants of finished work.
	 * @param works the work keys
	 */
	void revoke(Collection<String> works);

	/**
	 * One piece of work's grant.
	 *
	 * @param work a key naming the work, unique across modules, e.g. {@code warning:42}
	 * @param customerId the customer the work is about
	 * @param username the user doing it
	 */
	record Grant(String work, String customerId, String username) {
	}

}
