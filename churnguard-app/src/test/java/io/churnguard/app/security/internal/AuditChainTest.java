package io.churnguard.app.security.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

	private final Instant at = Instant.parse("2026-11-24T10:00:00.123456789Z");

	@Test
	void theSameRowAlwaysHashesTheSame() {
		assertThat(hash("admin", "LOGIN_SUCCESS", "user", "admin"))
			.isEqualTo(hash("admin", "LOGIN_SUCCESS", "user", "admin"))
			.hasSize(64);
	}

	@Test
	void changingAnyFieldChangesTheHash() {
		String original = hash("admin", "LOGIN_SUCCESS", "user", "admin");
		assertThat(hash("mallory", "LOGIN_SUCCESS", "user", "admin")).isNotEqualTo(original);
		assertThat(hash("admin", "LOGIN_FAILURE", "user", "admin")).isNotEqualTo(original);
		assertThat(hash("admin", "LOGIN_SUCCESS", "user", "root")).isNotEqualTo(original);
		assertThat(AuditChain.hash("1".repeat(64), 7, this.at, "admin", "LOGIN_SUCCESS", "user", "admin", "10.0.0.1",
				"SUCCESS", null))
			.isNotEqualTo(original);
	}

	@Test
	void movingTextBetweenAdjacentFieldsChangesTheHash() {
		assertThat(hash("ad", "minLOGIN", "user", "x")).isNotEqualTo(hash("admin", "LOGIN", "user", "x"));
	}

	@Test
	void anAbsentValueDiffersFromAnEmptyOne() {
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, this.at, "a", "b", null, null, null, "SUCCESS", null))
			.isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, this.at, "a", "b", "", "", "", "SUCCESS", ""));
	}

	@Test
	void nanosecondsBeyondWhatPostgresqlStoresDoNotAffectTheHash() {
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, Instant.parse("2026-11-24T10:00:00.123456999Z"), "a", "b",
				null, null, null, "SUCCESS", null))
			.isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, Instant.parse("2026-11-24T10:00:00.123456Z"), "a", "b",
					null, null, null, "SUCCESS", null));
	}

	private String hash(String actor, String action, String objectType, String objectId) {
		return AuditChain.hash(AuditChain.GENESIS, 7, this.at, actor, action, objectType, objectId, "10.0.0.1",
				"SUCCESS", "{\"k\":1}");
	}

}
