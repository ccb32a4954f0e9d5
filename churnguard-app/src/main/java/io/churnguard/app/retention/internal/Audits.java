package io.churnguard.app.retention.internal;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditRecord;

/**
 * Names the actor on an audit record when nobody is signed in — a CLI run, whose actor is
 * the operating-system user — and otherwise lets the audit log take the signed-in user
 * and their address.
 */
final class Audits {

	private Audits() {
	}

	static AuditRecord by(AuditRecord record, Actor actor) {
		return Actor.current().isPresent() ? record : record.by(actor.username(), null);
	}

}
