package io.churnguard.app.notification.internal;

import java.util.List;
import java.util.Set;

import io.churnguard.app.notification.NotificationLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSubscriptionTest {

	@Test
	void anEmptySubscriptionTakesEverything() {
		assertThat(WebhookSubscription.all().wants("warning.raised", NotificationLevel.IV, null)).isTrue();
	}

	@Test
	void aPrefixTakesEveryKindUnderItAndNothingElse() {
		WebhookSubscription warnings = new WebhookSubscription(List.of("warning.*"), Set.of(), List.of());
		assertThat(warnings.wants("warning.raised", NotificationLevel.I, null)).isTrue();
		assertThat(warnings.wants("warning.escalated", NotificationLevel.I, null)).isTrue();
		assertThat(warnings.wants("warnings.raised", NotificationLevel.I, null)).isFalse();
		assertThat(warnings.wants("campaign.approved", NotificationLevel.I, null)).isFalse();
	}

	@Test
	void aSeniorGroupGetsOnlyLevelsIAndIIOfItsRegion() {
		WebhookSubscription south = new WebhookSubscription(List.of("warning.raised"),
				Set.of(NotificationLevel.I, NotificationLevel.II), List.of("广东", "广西"));
		assertThat(south.wants("warning.raised", NotificationLevel.II, "广东")).isTrue();
		assertThat(south.wants("warning.raised", NotificationLevel.III, "广东")).isFalse();
		assertThat(south.wants("warning.raised", NotificationLevel.I, "北京")).isFalse();
		assertThat(south.wants("warning.raised", NotificationLevel.I, null)).as("no region: not theirs").isFalse();
		assertThat(south.levelCodes()).containsExactly("I", "II");
	}

	@Test
	void malformedKindFiltersAreRefused() {
		assertThatThrownBy(() -> new WebhookSubscription(List.of("warning*"), Set.of(), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new WebhookSubscription(List.of("Warning.Raised"), Set.of(), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
