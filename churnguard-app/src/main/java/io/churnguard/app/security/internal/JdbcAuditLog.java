package io.churnguard.app.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the hash chain under a row lock on its head, so appends from a server and a
 * CLI sharing the database stay in one gap-free sequence.
 */
@Component
class JdbcAuditLog implements AuditLog {

	// Sorted keys: the stored text is hashed, so the same details must always serialise
	// the same.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long record(AuditRecord record) {
		String actor = (record.actor() != null) ? record.actor() : currentActor();
		String sourceIp = (record.sourceIp() != null) ? record.sourceIp() : currentIp();
		String details = record.details().isEmpty() ? null : toJson(record.details());
		Map<String, Object> head = this.jdbc.sql("select last_id, last_hash from audit_chain_head for update")
			.query()
			.singleRow();
		long id = ((Number) head.get("last_id")).longValue() + 1;
		String prevHash = (String) head.get("last_hash");
		Instant at = AuditChain.truncate(this.clock.instant());
		String result = record.result().name();
		String hash = AuditChain.hash(prevHash, id, at, actor, record.action(), record.objectType(), record.objectId(),
				sourceIp, result, details);
		this.jdbc.sql("""
				insert into audit_log (id, at, actor, action, object_type, object_id, source_ip, result, details,
				                       prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, java.sql.Timestamp.from(at), actor, record.action(), record.objectType(), record.objectId(),
					sourceIp, result, details, prevHash, hash)
			.update();
		this.jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ?").params(id, hash).update();
		return id;
	}

	private static String toJson(Map<String, Object> details) {
		try {
			return JSON.writeValueAsString(details);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("audit details must be JSON-serialisable: " + ex.getMessage(), ex);
		}
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null) {
			return authentication.getName();
		}
		return "anonymous";
	}

	static String currentIp() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
