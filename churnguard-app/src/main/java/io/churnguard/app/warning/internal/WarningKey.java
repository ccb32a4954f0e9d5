package io.churnguard.app.warning.internal;

/**
 * What makes a warning the same warning: a customer and a cause key. At most one open
 * warning exists per key, and a closed one keeps the key quiet for the suppression
 * period.
 *
 * @param customerId the customer
 * @param causeKey {@code model} or {@code rule:<id>}
 */
record WarningKey(String customerId, String causeKey) {

	static WarningKey of(Candidate candidate) {
		return new WarningKey(candidate.customerId(), candidate.key());
	}

}
