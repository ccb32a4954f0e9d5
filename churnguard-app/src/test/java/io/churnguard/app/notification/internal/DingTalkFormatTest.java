package io.churnguard.app.notification.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.churnguard.app.notification.NotificationLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DingTalkFormatTest {

	private static final String SECRET = "SEC4a1f0c8e2b7d9e6f5a3c1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0";

	private final DingTalkFormat format = new DingTalkFormat();

	@Test
	void aWarningBecomesAMarkdownMessageWithTitleFactsAndLink() {
		WebhookRequest request = this.format.request(Samples.warning(), null, Instant.EPOCH, 1);
		JsonNode body = WebhookFormat.JSON.readTree(request.body());
		assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(body.at("/markdown/title").asString()).isEqualTo("【一级】客户 C00012 流失风险高");
		assertThat(body.at("/markdown/text").asString()).startsWith("#### 【一级】客户 C00012 流失风险高\n\n")
			.contains("近三个月通话量下降 62%", "- **客户**：C00012", "- **流失概率**：0.87",
					"[查看详情](https://churnguard.example.com/warnings/7)", "ChurnGuard");
		assertThat(request.query()).as("unsigned without a secret").isEmpty();
	}

	@Test
	void withASecretTheTimestampInMillisecondsAndItsSignatureGoIntoTheQuery() throws Exception {
		Instant now = Instant.parse("2026-03-02T01:15:00.123Z");
		WebhookRequest request = this.format.request(Samples.warning(), SECRET, now, 1);
		long timestamp = now.toEpochMilli();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = URLEncoder.encode(
				Base64.getEncoder()
					.encodeToString(mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8))),
				StandardCharsets.UTF_8);
		assertThat(request.query()).isEqualTo("timestamp=" + timestamp + "&sign=" + expected);
		assertThat(request.target("https://oapi.dingtalk.com/robot/send?access_token=abc").toString()).isEqualTo(
				"https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=" + timestamp + "&sign=" + expected);
		String sign = request.query().substring(request.query().indexOf("&sign=") + 6);
		assertThat(Base64.getDecoder().decode(URLDecoder.decode(sign, StandardCharsets.UTF_8))).hasSize(32);
	}

	@Test
	void anAnswerWithANonZeroErrcodeIsARejectionEvenWith200() {
		assertThat(this.format.rejection("{\"errcode\":0,\"errmsg\":\"ok\"}")).isNull();
		assertThat(this.format.rejection("{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
			.isEqualTo("errcode 310000: sign not match");
	}

	@Test
	void informationHasNoLevelLabelAndAPathOnlyLinkIsLeftOut() {
		WebhookRequest request = this.format.request(Samples.warning(NotificationLevel.INFO, "/warnings/7"), null,
				Instant.EPOCH, 1);
		JsonNode body = WebhookFormat.JSON.readTree(request.body());
		assertThat(body.at("/markdown/title").asString()).isEqualTo("客户 C00012 流失风险高");
		assertThat(body.at("/markdown/text").asString()).doesNotContain("](/warnings/7)");
	}

}
