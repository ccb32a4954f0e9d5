package io.churnguard.app.warning;

/**
 * Published when a warning's SLA passed and it moved to the owner's manager.
 *
 * @param warningId the warning
 * @param customerId the customer
 * @param level its level
 * @param from the previous owner
 * @param to the new owner
 */
public record WarningEscalated(long warningId, String customerId, WarningLevel level, String from, String to) {
}
