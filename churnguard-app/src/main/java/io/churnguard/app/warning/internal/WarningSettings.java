package io.churnguard.app.warning.internal;

import java.time.Duration;

import io.churnguard.app.warning.WarningLevel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels and limits: how soon a warning of each level must be worked, how long a
 * closed warning keeps the same cause quiet, and how many open warnings one person
 * carries.
 */
@Component
class WarningSettings {

	private final Duration[] sla;

	private final Duration suppression;

	private final int capacity;

	WarningSettings(@Value("${churnguard.warnings.sla.level-1:24h}") Duration level1,
			@Value("${churnguard.warnings.sla.level-2:48h}") Duration level2,
			@Value("${churnguard.warnings.sla.level-3:72h}") Duration level3,
			@Value("${churnguard.warnings.sla.level-4:7d}") Duration level4,
			@Value("${churnguard.warnings.suppression:30d}") Duration suppression,
			@Value("${churnguard.warnings.capacity:200}") int capacity) {
		this.sla = new Duration[] { level1, level2, level3, level4 };
		this.suppression = suppression;
		this.capacity = capacity;
	}

	Duration sla(WarningLevel level) {
		return this.sla[level.rank() - 1];
	}

	Duration suppression() {
		return this.suppression;
	}

	int capacity() {
		return this.capacity;
	}

}
