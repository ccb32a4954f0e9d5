package io.churnguard.app.security;

/**
 * Checking the audit log's integrity, for the console, the API and
 * {@code churnguard audit verify}.
 */
public interface AuditTrail {

	/**
	 * Re-computes the hash chain. The check itself is audited.
	 * @param actor who asks, or null for the signed-in user
	 * @return whether the chain is intact and, if not, which rows break it
	 */
	AuditVerification verify(String actor);

}
