package io.churnguard.app.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class GenericFormatTest {

	private final GenericFormat format = new GenericFormat();

	@Test
	void theBodyIsTheNotificationAsJsonWithTheTimestampOfTheHeader() {
		Instant now = Instant.parse("2026-03-02T01:15:00Z");
		WebhookRequest request = this.format.request(Samples.warning(), null, now, 99);
		JsonNode body = WebhookFormat.JSON.readTree(request.body());
		assertThat(body.get("kind").asString()).isEqualTo("warning.raised");
		assertThat(body.get("level").asString()).isEqualTo("I");
		assertThat(body.get("title").asString()).isEqualTo("客户 C00012 流失风险高");
		assertThat(body.at("/facts/1/label").asString()).isEqualTo("流失概率");
		assertThat(body.at("/facts/1/value").asString()).isEqualTo("0.87");
		assertThat(body.get("link").asString()).isEqualTo("https://churnguard.example.com/warnings/7");
		assertThat(body.get("delivery").asLong()).isEqualTo(99);
		assertThat(body.get("timestamp").asLong()).isEqualTo(now.getEpochSecond());
		assertThat(request.headers()).containsEntry(GenericFormat.TIMESTAMP, Long.toString(now.getEpochSecond()))
			.containsEntry(GenericFormat.DELIVERY, "99")
			.doesNotContainKey(GenericFormat.SIGNATURE);
	}

	@Test
	void withASecretTheRawBodyIsSignedWithHexHmacSha256() throws Exception {
		String secret = "whsec-7d1c2b3a";
		WebhookRequest request = this.format.request(Samples.warning(), secret, Instant.EPOCH, 1);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.bodyBytes()));
		assertThat(request.headers()).containsEntry(GenericFormat.SIGNATURE, expected);
	}

	@Test
	void theSignatureMatchesTheRfc4231TestVector() {
		// RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
		assertThat(Signatures.generic("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

}
