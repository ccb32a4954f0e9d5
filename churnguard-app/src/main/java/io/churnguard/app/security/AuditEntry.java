package io.churnguard.app.security;

import java.time.Instant;

/** One row of the audit log as it is stored. */
public record AuditEntry(long id, Instant at, String actor, String action, String objectType, String objectId,
		String sourceIp, AuditResult result, String details, String prevHash, String hash) {
}
