package io.churnguard.app.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Failed logins, by user name and by client IP. */
@Repository
class LoginFailures {

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(String username, String sourceIp, Instant at) {
		this.jdbc.sql("insert into login_failure (username, source_ip, at) values (?, ?, ?)")
			.params(username, sourceIp, Timestamp.from(at))
			.update();
	}

	/**
	 * Failures for a user name since {@code since} and after its last successful login.
	 */
	List<Instant> forUser(String username, Instant since, int limit) {
		return this.jdbc
			.sql("""
					select f.at from login_failure f
					where f.username = ? and f.at > ?
					  and f.at > coalesce((select u.last_login_at from app_user u where u.username = f.username), '-infinity')
					order by f.at desc limit ?""")
			.params(username, Timestamp.from(since), limit)
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

	List<Instant> forIp(String sourceIp, Instant since, int limit) {
		return this.jdbc.sql("select at from login_failure where source_ip = ? and at > ? order by at desc limit ?")
			.params(sourceIp, Timestamp.from(since), limit)
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

	/** An administrator's unlock: forget the user's recent failures. */
	void clearUser(String username) {
		this.jdbc.sql("delete from login_failure where username = ?").param(username).update();
	}

}
