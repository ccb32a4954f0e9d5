package io.churnguard.app.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit row: SHA-256 over the previous row's hash and every stored field,
 * each length-prefixed so that no two different rows can produce the same input.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	/**
	 * PostgreSQL keeps microseconds; hashing at that precision makes a stored row re-hash
	 * the same.
	 */
	static Instant truncate(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	static String hash(String prevHash, long id, Instant at, String actor, String action, String objectType,
			String objectId, String sourceIp, String result, String details) {
		StringBuilder input = new StringBuilder(256);
		append(input, prevHash);
		append(input, Long.toString(id));
		Instant micros = truncate(at);
		append(input, micros.getEpochSecond() + "." + (micros.getNano() / 1000));
		append(input, actor);
		append(input, action);
		append(input, objectType);
		append(input, objectId);
		append(input, sourceIp);
		append(input, result);
		append(input, details);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

	private static void append(StringBuilder input, String value) {
		if (value == null) {
			input.append("-1:");
			return;
		}
		input.append(value.length()).append(':').append(value);
	}

}
