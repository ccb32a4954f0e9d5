package io.churnguard.app.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.churnguard.app.notification.NotificationLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class FeishuFormatTest {

	private static final String SECRET = "qW8bZ3nR5tY7uI9oP1aS";

	private final FeishuFormat format = new FeishuFormat();

	@Test
	void aWarningBecomesAnInteractiveCardColouredByLevelWithFieldsAndAButton() {
		JsonNode body = WebhookFormat.JSON
			.readTree(this.format.request(Samples.warning(), null, Instant.EPOCH, 1).body());
		assertThat(body.get("msg_type").asString()).isEqualTo("interactive");
		assertThat(body.has("sign")).isFalse();
		JsonNode card = body.get("card");
		assertThat(card.at("/header/template").asString()).isEqualTo("red");
		assertThat(card.at("/header/title/tag").asString()).isEqualTo("plain_text");
		assertThat(card.at("/header/title/content").asString()).isEqualTo("【一级】客户 C00012 流失风险高");
		JsonNode elements = card.get("elements");
		assertThat(elements.get(0).at("/text/tag").asString()).isEqualTo("lark_md");
		assertThat(elements.get(0).at("/text/content").asString()).contains("通话量下降 62%");
		assertThat(elements.get(1).at("/fields/0/is_short").asBoolean()).isTrue();
		assertThat(elements.get(1).at("/fields/0/text/content").asString()).isEqualTo("**客户**\nC00012");
		assertThat(elements.get(2).get("tag").asString()).isEqualTo("action");
		assertThat(elements.get(2).at("/actions/0/url").asString())
			.isEqualTo("https://churnguard.example.com/warnings/7");
		assertThat(elements.get(3).get("tag").asString()).isEqualTo("note");
	}

	@Test
	void levelsTakeTheNationalWarningColours() {
		assertThat(FeishuFormat.template(NotificationLevel.I)).isEqualTo("red");
		assertThat(FeishuFormat.template(NotificationLevel.II)).isEqualTo("orange");
		assertThat(FeishuFormat.template(NotificationLevel.III)).isEqualTo("yellow");
		assertThat(FeishuFormat.template(NotificationLevel.IV)).isEqualTo("blue");
	}

	@Test
	void withASecretTheBodyCarriesTheTimestampInSecondsAndItsSignature() throws Exception {
		Instant now = Instant.parse("2026-03-02T01:15:00.900Z");
		JsonNode body = WebhookFormat.JSON.readTree(this.format.request(Samples.warning(), SECRET, now, 1).body());
		long timestamp = now.getEpochSecond();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
		assertThat(body.get("timestamp").asString()).isEqualTo(Long.toString(timestamp));
		assertThat(body.get("sign").asString()).isEqualTo(expected);
	}

	@Test
	void aNonZeroCodeIsARejectionAndOldStatusCodeAnswersAreUnderstood() {
		assertThat(this.format.rejection("{\"code\":0,\"msg\":\"success\",\"data\":{}}")).isNull();
		assertThat(this.format.rejection("{\"code\":19021,\"msg\":\"sign match fail\"}"))
			.isEqualTo("code 19021: sign match fail");
		assertThat(this.format.rejection("{\"StatusCode\":0,\"StatusMessage\":\"success\"}")).isNull();
		assertThat(this.format.rejection("{\"StatusCode\":9499,\"StatusMessage\":\"Bad Request\"}"))
			.isEqualTo("StatusCode 9499: Bad Request");
	}

}
