package io.churnguard.app.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.security.AuditVerification;
import io.churnguard.app.security.AuditVerification.Problem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes every row's hash in id order. An edited row no longer matches its own hash;
 * a deleted or inserted row breaks the link to its neighbour; a truncated tail no longer
 * reaches the chain head.
 */
@Component
class AuditChainVerifier {

	private static final int MAX_PROBLEMS = 100;

	private final JdbcTemplate jdbc;

	AuditChainVerifier(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	AuditVerification verify() {
		State state = new State();
		this.jdbc.setFetchSize(1000);
		this.jdbc.query("""
				select id, at, actor, action, object_type, object_id, source_ip, result, details, prev_hash, hash
				from audit_log order by id""", (ResultSet rs) -> {
			state.check(rs);
		});
		var head = this.jdbc.queryForMap("select last_id, last_hash from audit_chain_head");
		long headId = ((Number) head.get("last_id")).longValue();
		String headHash = (String) head.get("last_hash");
		if (headId != state.lastId || !headHash.equals(state.lastHash)) {
			state.problem(headId, "the chain head names row " + headId + " but the log ends at row " + state.lastId
					+ " (rows were removed from the end, or the head was altered)");
		}
		return new AuditVerification(state.problems.isEmpty(), state.rows, state.lastId, List.copyOf(state.problems));
	}

	private static final class State {

		long rows;

		long lastId;

		String lastHash = AuditChain.GENESIS;

		final List<Problem> problems = new ArrayList<>();

		void check(ResultSet rs) throws SQLException {
			long id = rs.getLong("id");
			String prevHash = rs.getString("prev_hash");
			String hash = rs.getString("hash");
			String recomputed = AuditChain.hash(prevHash, id, rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
					rs.getString("source_ip"), rs.getString("result"), rs.getString("details"));
			if (id != this.lastId + 1) {
				problem(id, "rows " + (this.lastId + 1) + " to " + (id - 1) + " are missing (deleted)");
			}
			if (!prevHash.equals(this.lastHash)) {
				problem(id,
						"its link to the previous row does not match (a row before it was edited, deleted or inserted)");
			}
			if (!recomputed.equals(hash)) {
				problem(id, "its content does not match its hash (the row was edited)");
			}
			this.rows++;
			this.lastId = id;
			this.lastHash = hash;
		}

		void problem(long id, String reason) {
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(new Problem(id, reason));
			}
		}

	}

}
