package io.churnguard.app.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook secrets and URLs at rest with AES-GCM under
 * {@code churnguard.secrets.key} (base64 of 16, 24 or 32 bytes). Without a key values are
 * stored as they are, so a workspace works out of the box; a sealed value is recognisable
 * by its prefix, so values stored before the key was configured stay readable. The column
 * name is bound in as associated data, so a sealed secret cannot be swapped into the URL
 * column.
 */
final class SecretCipher {

	static final String PREFIX = "enc:v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			this.key = null;
			return;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("churnguard.secrets.key is not base64", ex);
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalStateException(
					"churnguard.secrets.key must be 16, 24 or 32 bytes (base64), was " + bytes.length + " bytes");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	boolean isEnabled() {
		return this.key != null;
	}

	/** The value to store: sealed when a key is configured, as it is otherwise. */
	String seal(String plain, String column) {
		if (plain == null || this.key == null) {
			return plain;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal a secret", ex);
		}
	}

	/** The stored value read back. */
	String open(String stored, String column) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		if (this.key == null) {
			throw new IllegalStateException("a webhook " + column
					+ " is encrypted but churnguard.secrets.key is not configured: set the key it was sealed with");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("a webhook " + column
					+ " cannot be decrypted: churnguard.secrets.key is not the key it was sealed with", ex);
		}
	}

}
