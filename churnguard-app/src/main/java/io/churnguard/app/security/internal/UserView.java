package io.churnguard.app.security.internal;

import java.time.Instant;

import io.churnguard.app.security.Role;

/** A user as the API and console show it: never the password hash. */
record UserView(String username, String displayName, Role role, String region, String team, String email,
		boolean enabled, Instant createdAt, Instant lastLoginAt, Instant lockedUntil) {

	static UserView of(UserAccount account, Instant lockedUntil) {
		return new UserView(account.username(), account.displayName(), account.role(), account.region(), account.team(),
				account.email(), account.enabled(), account.createdAt(), account.lastLoginAt(), lockedUntil);
	}

}
