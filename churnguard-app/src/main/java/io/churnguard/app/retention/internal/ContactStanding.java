package io.churnguard.app.retention.internal;

/**
 * What the lists and preferences say about contacting one customer.
 *
 * @param blackListed on the black list (黑名单)
 * @param whiteListed on the white list (白名单)
 * @param doNotContact asked not to be contacted (免打扰)
 * @param consent gave marketing consent (no record means yes)
 */
record ContactStanding(boolean blackListed, boolean whiteListed, boolean doNotContact, boolean consent) {

	static final ContactStanding DEFAULT = new ContactStanding(false, false, false, true);

}
