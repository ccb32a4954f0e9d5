package io.churnguard.app.warning;

/**
 * A warning raised or whose level rose, as announced in {@link WarningsRaised}.
 *
 * @param warningId the warning
 * @param customerId the customer
 * @param level its level now
 * @param cause {@code model} or {@code rule:<name>}
 * @param owner who it is routed to, or null for a team queue
 * @param upgraded whether an open warning's level rose rather than a new warning being
 * raised
 */
public record WarningRaised(long warningId, String customerId, WarningLevel level, String cause, String owner,
		boolean upgraded) {
}
