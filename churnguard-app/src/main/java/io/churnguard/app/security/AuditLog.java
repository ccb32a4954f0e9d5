package io.churnguard.app.security;

/**
 * The append-only, hash-chained audit log. Every view of unmasked personal data, every
 * export and every change is written here; the write happens in its own transaction so
 * that a failed or rolled-back action is still recorded.
 */
public interface AuditLog {

	/**
	 * Appends a record.
	 * @param record what happened
	 * @return the id of the new row
	 */
	long record(AuditRecord record);

}
