package io.churnguard.app.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.churnguard.app.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. */
@Repository
class UserAccounts {

	private static final String COLUMNS = "id, username, display_name, password_hash, role, region, team, email, enabled, created_at, last_login_at";

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
			.param(username)
			.query(UserAccounts::map)
			.optional();
	}

	List<UserAccount> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from app_user order by username").query(UserAccounts::map).list();
	}

	boolean existsWithRole(Role role) {
		return this.jdbc.sql("select count(*) from app_user where role = ?")
			.param(role.name())
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	UserAccount create(NewUser user, String passwordHash) {
		return this.jdbc.sql("""
				insert into app_user (username, display_name, password_hash, role, region, team, email)
				values (?, ?, ?, ?, ?, ?, ?)
				returning\s""" + COLUMNS)
			.params(user.username(), user.displayName(), passwordHash, user.role().name(), user.region(), user.team(),
					user.email())
			.query(UserAccounts::map)
			.single();
	}

	void updatePassword(long id, String passwordHash) {
		this.jdbc.sql("update app_user set password_hash = ?, password_changed_at = now() where id = ?")
			.params(passwordHash, id)
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		this.jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, id).update();
	}

	void touchLastLogin(String username, Instant at) {
		this.jdbc.sql("update app_user set last_login_at = ? where username = ?")
			.params(Timestamp.from(at), username)
			.update();
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		Timestamp lastLogin = rs.getTimestamp("last_login_at");
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("region"),
				rs.getString("team"), rs.getString("email"), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), (lastLogin != null) ? lastLogin.toInstant() : null);
	}

}
