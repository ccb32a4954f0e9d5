package io.churnguard.app.notification.internal;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

	@Test
	void withAKeyASecretIsSealedUnreadablyAndOpensAgain() {
		SecretCipher cipher = new SecretCipher(KEY);
		String sealed = cipher.seal("SECabc123", "secret");
		assertThat(sealed).startsWith(SecretCipher.PREFIX).doesNotContain("SECabc123");
		assertThat(cipher.seal("SECabc123", "secret")).as("a fresh nonce every time").isNotEqualTo(sealed);
		assertThat(cipher.open(sealed, "secret")).isEqualTo("SECabc123");
	}

	@Test
	void withoutAKeySecretsAreStoredAsTheyAreAndPlainValuesStayReadableOnceAKeyIsSet() {
		SecretCipher none = new SecretCipher("");
		assertThat(none.isEnabled()).isFalse();
		assertThat(none.seal("SECabc123", "secret")).isEqualTo("SECabc123");
		assertThat(new SecretCipher(KEY).open("SECabc123", "secret")).isEqualTo("SECabc123");
	}

	@Test
	void aSealedValueDoesNotOpenWithAnotherKeyAnotherColumnOrAfterTampering() {
		String sealed = new SecretCipher(KEY).seal("https://example.com/hook?key=k", "url");
		assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).open(sealed, "url"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not the key");
		assertThatThrownBy(() -> new SecretCipher(KEY).open(sealed, "secret"))
			.isInstanceOf(IllegalStateException.class);
		// A character in the middle: every one of its bits is data, whereas the bits of
		// the last
		// characters before padding may be unused, so changing one there can decode the
		// same.
		int at = sealed.length() / 2;
		String tampered = sealed.substring(0, at) + ((sealed.charAt(at) == 'A') ? 'B' : 'A') + sealed.substring(at + 1);
		assertThatThrownBy(() -> new SecretCipher(KEY).open(tampered, "url")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new SecretCipher("").open(sealed, "url")).hasMessageContaining("not configured");
	}

	@Test
	void aKeyOfTheWrongSizeIsRefusedAtStartup() {
		assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[10])))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("16, 24 or 32 bytes");
		assertThatThrownBy(() -> new SecretCipher("not base64!")).isInstanceOf(IllegalStateException.class);
	}

}
