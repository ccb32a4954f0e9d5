package io.churnguard.app.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for every time-dependent rule (lockout windows, SLAs, schedules), so tests
 * can move time instead of waiting for it (they declare a {@code @Primary} clock of their
 * own).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
