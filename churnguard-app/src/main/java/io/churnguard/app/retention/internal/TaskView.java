package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A contact task as shown to its owner or a manager: no personal fields, the customer 360
 * is one click away (and audited there when unmasked).
 */
record TaskView(long id, long campaignId, String campaignName, String customerId, String grade, String province,
		String owner, String channel, String action, BigDecimal cost, String status, String outcome, Instant issuedAt,
		Instant recordedAt, String recordedBy, String notes, String scriptZh, String scriptEn) {
}
