package io.churnguard.app.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures receivers check: each robot platform defines its own way of applying
 * HMAC-SHA256, and the generic webhook signs the raw body.
 */
final class Signatures {

	private Signatures() {
	}

	/**
	 * DingTalk: Base64 of HmacSHA256 with the secret as key over
	 * {@code timestamp + "\n" + secret}, URL-encoded for the {@code sign} query
	 * parameter.
	 * @param timestampMillis milliseconds since the epoch, also sent as {@code timestamp}
	 */
	static String dingTalk(String secret, long timestampMillis) {
		byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
				(timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
		return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
	}

	/**
	 * Feishu: Base64 of HmacSHA256 with {@code timestamp + "\n" + secret} as key over no
	 * data, sent as {@code sign} in the body.
	 * @param timestampSeconds seconds since the epoch, also sent as {@code timestamp}
	 */
	static String feishu(String secret, long timestampSeconds) {
		byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
		return Base64.getEncoder().encodeToString(mac);
	}

	/**
	 * The generic webhook: {@code sha256=} and the hex HmacSHA256 of the raw body with
	 * the secret as key, sent as {@code X-ChurnGuard-Signature}.
	 */
	static String generic(String secret, byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			// An empty key is not a valid SecretKeySpec; HMAC pads keys anyway, so one
			// zero
			// byte is the same key.
			mac.init(new SecretKeySpec((key.length == 0) ? new byte[1] : key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
