package io.churnguard.app.warning.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A warning as the workbench and the API show it.
 *
 * @param id the warning
 * @param customerId the customer
 * @param cause {@code model} or {@code rule:<name>}
 * @param level 1 (I) to 4 (IV)
 * @param status new, assigned, in_progress or closed
 * @param outcome how it ended, when closed
 * @param probability the churn probability when raised or last refreshed
 * @param riskBand its band
 * @param modelId the model that scored
 * @param reasons the reasons, each in Chinese and English
 * @param valueAtRisk probability × annual value
 * @param action the suggested action
 * @param owner who works it, or null for the team queue
 * @param province the customer's province
 * @param team the customer's team
 * @param grade the customer's grade
 * @param raisedAt when raised
 * @param dueAt when it must be worked by
 * @param overdue whether the due date passed while it was open
 * @param escalations how often it escalated
 * @param closedAt when closed
 * @param notes the closing notes
 */
record WarningView(long id, String customerId, String cause, int level, String status, String outcome,
		Double probability, String riskBand, String modelId, List<Candidate.Reason> reasons, BigDecimal valueAtRisk,
		String action, String owner, String province, String team, String grade, Instant raisedAt, Instant dueAt,
		boolean overdue, int escalations, Instant closedAt, String notes) {

	public String levelName() {
		return switch (this.level) {
			case 1 -> "I";
			case 2 -> "II";
			case 3 -> "III";
			default -> "IV";
		};
	}

}
