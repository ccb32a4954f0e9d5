package io.churnguard.app.notification;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {

	@Test
	void aNotificationGoesEverywhereByDefaultAndReadsInTheReadersLanguage() {
		Notification notification = Notification.to("agent.zhang")
			.kind("warning.raised")
			.level(NotificationLevel.I)
			.title("客户流失风险高", "High churn risk")
			.link("/warnings/7")
			.fact("客户", "Customer", "C00012")
			.key("warning:7:raised")
			.build();
		assertThat(notification.channels()).containsExactlyInAnyOrder(Notification.Channel.EMAIL,
				Notification.Channel.WEBHOOK);
		assertThat(notification.title().in(Locale.ENGLISH)).isEqualTo("High churn risk");
		assertThat(notification.title().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("客户流失风险高");
		assertThat(notification.facts().get(0).value().in(Locale.ENGLISH)).isEqualTo("C00012");
	}

	@Test
	void aLinkMustStayOnTheConsoleSoItCannotBecomeAnOpenRedirect() {
		for (String link : new String[] { "https://evil.example/", "//evil.example/x", "/\\evil", "warnings/7",
				"/a b" }) {
			assertThatThrownBy(() -> Notification.to("u").kind("warning.raised").title("t", "t").link(link).build())
				.as(link)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void kindsAreLowerCaseDottedWordsAndTitlesComeInBothLanguages() {
		assertThatThrownBy(() -> Notification.to("u").kind("Warning Raised").title("t", "t").build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Notification.to("u").kind("warning.raised").title("只有中文", "").build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Notification.to("u").kind("digest.daily").title("t", "t").channels().build().channels())
			.isEqualTo(Set.of());
	}

	@Test
	void aTextFallsBackToTheOtherLanguageWhenOneIsMissing() {
		assertThat(Text.of("只有中文", "").in(Locale.ENGLISH)).isEqualTo("只有中文");
		assertThat(NotificationLevel.of("ii")).isEqualTo(NotificationLevel.II);
	}

}
