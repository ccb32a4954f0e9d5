package io.churnguard.app.retention.internal;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who works with retention, for the API and the console alike: the head and managers
 * design campaigns; analysts and administrators also read them; auditors see none of it.
 */
final class RetentionAccess {

	static final String DESIGNERS = "hasAnyRole('RETENTION_HEAD', 'SALES_MANAGER', 'SERVICE_MANAGER')";

	static final String READERS = "hasAnyRole('RETENTION_HEAD', 'SALES_MANAGER', 'SERVICE_MANAGER', 'ANALYST', 'ADMIN')";

	private RetentionAccess() {
	}

	/** The signed-in user, refused when an auditor. */
	static Actor user() {
		Actor actor = Actor.require();
		if (actor.hasRole(Role.AUDITOR)) {
			throw new AccessDeniedException("auditors do not see retention work");
		}
		return actor;
	}

}
