package io.churnguard.app.retention.internal;

/**
 * What a policy says: allowed, or refused with a reason code such as {@code black_list}.
 *
 * @param allowed whether the step may go ahead
 * @param reason why not, or null when allowed
 */
record Decision(boolean allowed, String reason) {

	static Decision allow() {
		return new Decision(true, null);
	}

	static Decision refuse(String reason) {
		return new Decision(false, reason);
	}

}
