package io.churnguard.app.security.internal;

import java.time.Instant;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;

/** A stored user. The password hash never leaves the security module. */
record UserAccount(long id, String username, String displayName, String passwordHash, Role role, String region,
		String team, String email, boolean enabled, Instant createdAt, Instant lastLoginAt) {

	Actor actor() {
		return new Actor(this.username, this.role, this.region, this.team);
	}

}
