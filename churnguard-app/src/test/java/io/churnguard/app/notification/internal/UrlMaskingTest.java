package io.churnguard.app.notification.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlMaskingTest {

	@Test
	void robotTokensInQueriesAndPathsAreCutToTheirFirstFourCharacters() {
		assertThat(UrlMasking.mask("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0"))
			.isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…");
		assertThat(UrlMasking.mask("https://oapi.dingtalk.com/robot/send?access_token=e9a8118c8a3dc685fab41df25"))
			.isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=e9a8…");
		assertThat(UrlMasking.mask("https://open.feishu.cn/open-apis/bot/v2/hook/2c6a7f1e-55b8-4c1f-9d0e-31a"))
			.isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/2c6a…");
	}

	@Test
	void anOrdinaryAddressStaysReadable() {
		assertThat(UrlMasking.mask("http://127.0.0.1:8090/hooks/churn")).isEqualTo("http://127.0.0.1:8090/hooks/churn");
	}

}
