package io.churnguard.app.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API tokens for scripts and systems. The secret is shown once at creation; only its
 * SHA-256 is stored, which is enough for a random 240-bit secret (no slow hash needed,
 * unlike passwords).
 */
@Repository
class ApiTokens {

	static final String PREFIX = "cg_";

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates a token and returns its secret, which is not stored and cannot be shown
	 * again.
	 */
	CreatedToken create(long userId, String name, Duration validity) {
		StringBuilder secret = new StringBuilder(PREFIX);
		for (int i = 0; i < 40; i++) {
			secret.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		String token = secret.toString();
		Instant expires = (validity != null) ? this.clock.instant().plus(validity) : null;
		long id = this.jdbc.sql("""
				insert into api_token (user_id, name, prefix, token_hash, expires_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(userId, name, token.substring(0, 8), sha256(token),
					(expires != null) ? Timestamp.from(expires) : null)
			.query(Long.class)
			.single();
		return new CreatedToken(id, name, token, expires);
	}

	/** The user name owning a valid (unrevoked, unexpired) token. */
	Optional<String> authenticate(String token) {
		Instant now = this.clock.instant();
		Optional<TokenRow> row = this.jdbc.sql("""
				select t.id, u.username, t.expires_at, t.revoked_at, t.last_used_at
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = ?""")
			.param(sha256(token))
			.query((rs, n) -> new TokenRow(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
					instant(rs, 5)))
			.optional();
		return row.filter(t -> t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(now)))
			.map(t -> {
				// Writing on every request would turn each API read into a write; once a
				// minute is enough.
				if (t.lastUsedAt() == null || t.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
					this.jdbc.sql("update api_token set last_used_at = ? where id = ?")
						.params(Timestamp.from(now), t.id())
						.update();
				}
				return t.username();
			});
	}

	List<TokenInfo> forUser(long userId) {
		return this.jdbc.sql("""
				select id, name, prefix, created_at, expires_at, last_used_at, revoked_at
				from api_token where user_id = ? order by created_at desc""")
			.param(userId)
			.query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
					instant(rs, 5), instant(rs, 6), instant(rs, 7)))
			.list();
	}

	boolean revoke(long userId, long tokenId) {
		return this.jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(Timestamp.from(this.clock.instant()), tokenId, userId)
			.update() == 1;
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record TokenRow(long id, String username, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
	}

	record CreatedToken(long id, String name, String token, Instant expiresAt) {
	}

	record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {
	}

}
