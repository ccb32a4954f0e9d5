package io.churnguard.app.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

	private final RetrySchedule schedule = new RetrySchedule(
			new NotificationProperties(null, null, null, null, null, null, null, null, null).retryDelays());

	private final Instant now = Instant.parse("2026-03-02T01:00:00Z");

	@Test
	void failuresAreRetriedAfter1Minute5Minutes30Minutes2HoursAnd12HoursByDefault() {
		assertThat(this.schedule.nextAttempt(1, this.now)).hasValue(this.now.plus(Duration.ofMinutes(1)));
		assertThat(this.schedule.nextAttempt(2, this.now)).hasValue(this.now.plus(Duration.ofMinutes(5)));
		assertThat(this.schedule.nextAttempt(3, this.now)).hasValue(this.now.plus(Duration.ofMinutes(30)));
		assertThat(this.schedule.nextAttempt(4, this.now)).hasValue(this.now.plus(Duration.ofHours(2)));
		assertThat(this.schedule.nextAttempt(5, this.now)).hasValue(this.now.plus(Duration.ofHours(12)));
	}

	@Test
	void theSixthFailedAttemptIsTheLast() {
		assertThat(this.schedule.maxAttempts()).isEqualTo(6);
		assertThat(this.schedule.nextAttempt(6, this.now)).isEmpty();
	}

	@Test
	void aConfiguredScheduleReplacesTheDefaultAndMustBePositive() {
		RetrySchedule quick = new RetrySchedule(List.of(Duration.ofSeconds(10)));
		assertThat(quick.nextAttempt(1, this.now)).hasValue(this.now.plusSeconds(10));
		assertThat(quick.nextAttempt(2, this.now)).isEmpty();
		assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
