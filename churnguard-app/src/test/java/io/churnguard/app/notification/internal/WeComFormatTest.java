package io.churnguard.app.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.churnguard.app.notification.NotificationLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WeComFormatTest {

	private final WeComFormat format = new WeComFormat();

	@Test
	void aWarningBecomesMarkdownContentWithAColouredLevelQuotedFactsAndALink() {
		WebhookRequest request = this.format.request(Samples.warning(), "ignored", Instant.EPOCH, 1);
		JsonNode body = WebhookFormat.JSON.readTree(request.body());
		assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(body.at("/markdown/content").asString())
			.startsWith("### <font color=\"warning\">【一级】</font>客户 C00012 流失风险高\n")
			.contains("> 客户：<font color=\"comment\">C00012</font>",
					"[查看详情](https://churnguard.example.com/warnings/7)");
		assertThat(request.query()).as("WeCom does not sign").isEmpty();
		assertThat(request.headers()).doesNotContainKey(GenericFormat.SIGNATURE);
	}

	@Test
	void contentIsCutToTheRobotsLimitOf4096BytesWithoutBreakingACharacter() {
		MessageContent sample = Samples.warning();
		MessageContent longOne = new MessageContent(1, "warning.raised", NotificationLevel.II, "二级", "标题",
				"预警".repeat(2000), sample.facts(), null, "查看", "footer", "zh-CN", "u", null, null, "t");
		String content = WebhookFormat.JSON.readTree(this.format.request(longOne, null, Instant.EPOCH, 1).body())
			.at("/markdown/content")
			.asString();
		assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
		assertThat(content).endsWith("…").doesNotContain("\uFFFD");
	}

	@Test
	void aNonZeroErrcodeIsARejection() {
		assertThat(this.format.rejection("{\"errcode\":0,\"errmsg\":\"ok\"}")).isNull();
		assertThat(this.format.rejection("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
			.isEqualTo("errcode 93000: invalid webhook url");
	}

}
