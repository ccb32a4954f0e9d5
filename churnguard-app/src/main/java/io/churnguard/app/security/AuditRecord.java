package io.churnguard.app.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to write to the audit log. The actor and source IP default to the current
 * request's user and client address; set them explicitly only where there is no request
 * (a CLI run, a job).
 *
 * @param action what was done, e.g. {@code LOGIN_SUCCESS}, {@code CUSTOMER_VIEW_UNMASKED}
 * @param objectType the kind of object acted on, e.g. {@code user}, {@code customer}
 * @param objectId the object's id
 * @param result how it ended
 * @param actor who did it, or null for the current user
 * @param sourceIp from where, or null for the current request's client
 * @param details further facts, written as JSON
 */
public record AuditRecord(String action, String objectType, String objectId, AuditResult result, String actor,
		String sourceIp, Map<String, Object> details) {

	public AuditRecord {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(result, "result");
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

	public static AuditRecord success(String action, String objectType, String objectId) {
		return new AuditRecord(action, objectType, objectId, AuditResult.SUCCESS, null, null, Map.of());
	}

	public static AuditRecord failure(String action, String objectType, String objectId) {
		return new AuditRecord(action, objectType, objectId, AuditResult.FAILURE, null, null, Map.of());
	}

	public static AuditRecord denied(String action, String objectType, String objectId) {
		return new AuditRecord(action, objectType, objectId, AuditResult.DENIED, null, null, Map.of());
	}

	public AuditRecord by(String actor, String sourceIp) {
		return new AuditRecord(this.action, this.objectType, this.objectId, this.result, actor, sourceIp, this.details);
	}

	public AuditRecord with(String key, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.details);
		more.put(key, value);
		return new AuditRecord(this.action, this.objectType, this.objectId, this.result, this.actor, this.sourceIp,
				more);
	}

}
