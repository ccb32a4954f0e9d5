package io.churnguard.app.customer;

import java.util.List;
import java.util.Optional;

import io.churnguard.app.security.Actor;

/**
 * Reading the archive on a user's behalf: always within the user's scope, always masked
 * unless the user asks for unmasked data and may see it, in which case the view is
 * audited.
 */
public interface CustomerArchive {

	/**
	 * @param customerId the customer
	 * @param actor who asks
	 * @param unmasked whether to show personal fields in full
	 * @return the customer, or empty when not in the archive or outside the actor's scope
	 * @throws org.springframework.security.access.AccessDeniedException when unmasked
	 * data is asked for by a role that may not see it (the refusal is audited)
	 */
	Optional<CustomerView> find(String customerId, Actor actor, boolean unmasked);

	/** A page of customers matching a filter, masked, within the actor's scope. */
	CustomerPage search(CustomerFilter filter, Actor actor, int page, int size);

	/**
	 * @param items the customers of the page
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param total customers matching the filter within the scope
	 */
	record CustomerPage(List<CustomerView> items, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

}
