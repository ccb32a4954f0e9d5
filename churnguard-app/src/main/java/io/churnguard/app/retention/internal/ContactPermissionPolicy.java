package io.churnguard.app.retention.internal;

/**
 * Whether a customer may be contacted at all: never when black-listed, when they asked
 * not to be contacted, or when they withdrew consent. The white list does not override
 * any of these — a black-listed customer on the white list is still not contacted.
 */
final class ContactPermissionPolicy {

	Decision check(ContactStanding standing) {
		if (standing.blackListed()) {
			return Decision.refuse("black_list");
		}
		if (standing.doNotContact()) {
			return Decision.refuse("do_not_contact");
		}
		if (!standing.consent()) {
			return Decision.refuse("no_consent");
		}
		return Decision.allow();
	}

}
