package io.churnguard.app.security.internal;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Raised when a client IP has failed to log in too often and must wait. */
class LoginThrottledException extends AuthenticationException {

	private final Instant until;

	LoginThrottledException(Instant until) {
		super("Too many failed logins from this address; try again after " + until);
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
