package io.churnguard.app.security.internal;

import java.util.List;

/** A proposed password breaks the policy; carries the broken rules as message codes. */
class PasswordRejectedException extends RuntimeException {

	private final List<PasswordPolicy.Violation> violations;

	PasswordRejectedException(List<PasswordPolicy.Violation> violations) {
		super("password rejected: " + violations.stream().map(PasswordPolicy.Violation::code).toList());
		this.violations = List.copyOf(violations);
	}

	List<PasswordPolicy.Violation> violations() {
		return this.violations;
	}

}
