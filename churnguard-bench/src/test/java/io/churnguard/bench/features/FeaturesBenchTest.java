package io.churnguard.bench.features;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturesBenchTest {

	@Test
	@SuppressWarnings("unchecked")
	void churnGuardAndDuckDbComputeTheSameFeatureValues() throws Exception {
		FeaturesBench bench = new FeaturesBench();
		bench.events = 200_000;
		bench.customers = 2_000;
		bench.threads = 2;
		bench.sampleEvery = 1;
		Map<String, Object> report = bench.run();
		assertThat(report).containsEntry("events", 200_000L).containsEntry("customers", 2_000);
		assertThat((int) report.get("features")).isGreaterThanOrEqualTo(40);
		Map<String, Object> agreement = (Map<String, Object>) report.get("agreement");
		assertThat(agreement).containsEntry("nonNullCountsEqual", true).containsEntry("sampledValuesDifferent", 0L);
		assertThat((long) agreement.get("sampledValues")).isEqualTo(2_000L * 63);
		assertThat((Map<String, Object>) report.get("churnguard")).containsKeys("eventsPerSecond", "peakHeapMB");
		assertThat((Map<String, Object>) report.get("duckdb")).containsKeys("eventsPerSecond", "elapsedSeconds");
		assertThat((Map<String, Object>) report.get("incremental")).containsEntry("valuesDifferentFromBatch", 0L)
			.containsEntry("customers", 2_000);
	}

}
