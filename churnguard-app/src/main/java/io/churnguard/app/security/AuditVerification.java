package io.churnguard.app.security;

import java.util.List;

/**
 * The result of checking the audit log's hash chain.
 *
 * @param intact whether every row's hash matches its content and its predecessor
 * @param rowsChecked how many rows were read
 * @param lastId the id of the last row read
 * @param problems the rows that break the chain, in order; empty when intact
 */
public record AuditVerification(boolean intact, long rowsChecked, long lastId, List<Problem> problems) {

	/**
	 * @param id the row that does not verify
	 * @param reason why, e.g. "content does not match its hash (row was edited)"
	 */
	public record Problem(long id, String reason) {
	}

}
