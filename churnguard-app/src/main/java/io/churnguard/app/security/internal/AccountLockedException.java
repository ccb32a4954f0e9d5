package io.churnguard.app.security.internal;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** The account is locked after repeated failures, until the given time. */
class AccountLockedException extends LockedException {

	private final Instant until;

	AccountLockedException(Instant until) {
		super("The account is locked after repeated failed logins until " + until);
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
