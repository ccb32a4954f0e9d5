package io.churnguard.app.security;

/** How an audited action ended. */
public enum AuditResult {

	SUCCESS, FAILURE, DENIED

}
