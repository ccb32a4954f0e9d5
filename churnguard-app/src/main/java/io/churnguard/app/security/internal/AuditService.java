package io.churnguard.app.security.internal;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.AuditTrail;
import io.churnguard.app.security.AuditVerification;

import org.springframework.stereotype.Service;

/**
 * Verification of the audit chain for every entry point (console, API, CLI). Verifying is
 * itself audited, so an auditor's checks are on record too.
 */
@Service
class AuditService implements AuditTrail {

	private final AuditChainVerifier verifier;

	private final AuditLog audit;

	AuditService(AuditChainVerifier verifier, AuditLog audit) {
		this.verifier = verifier;
		this.audit = audit;
	}

	@Override
	public AuditVerification verify(String actor) {
		AuditVerification result = this.verifier.verify();
		AuditRecord record = (result.intact() ? AuditRecord.success("AUDIT_VERIFY", "audit_log", null)
				: AuditRecord.failure("AUDIT_VERIFY", "audit_log", null))
			.with("rowsChecked", result.rowsChecked())
			.with("problems", result.problems().size());
		this.audit.record((actor != null) ? record.by(actor, null) : record);
		return result;
	}

}
