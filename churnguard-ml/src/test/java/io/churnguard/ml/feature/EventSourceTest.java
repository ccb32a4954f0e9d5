package io.churnguard.ml.feature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.churnguard.ml.event.CsvError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EventSourceTest {

	@Test
	void anEventsFileInTimeOrderIsScoredPerCustomerWithItsBadRowsReported(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("events.csv");
		Files.writeString(file, """
				event_id,customer_id,event_time,event_type,subtype,amount,quantity,attributes
				E1,C2,2025-06-01T09:00:00,complaint,network,,,
				E2,C1,2025-06-02T09:00:00,complaint,billing,,,
				E3,C2,2025-06-03T09:00:00,complaint,service,,,
				E4,C1,2025-06-04T09:00:00,complaint,nonsense,,,
				E5,C1,not-a-time,complaint,,,,
				""", StandardCharsets.UTF_8);
		List<CsvError> errors = new ArrayList<>();
		FeatureTable table = new BatchFeatureRunner(FeaturePlan.compile(FeatureSet.defaults()), 1)
			.asOf(EventSource.csv(file, errors::add), (id) -> null, LocalDate.of(2025, 6, 10));
		assertThat(table.rowCount()).isEqualTo(2);
		assertThat(table.customerId(0)).isEqualTo("C1");
		assertThat(table.column("complaints_30d")).containsExactly(2, 2);
		assertThat(table.column("complaints_network_90d")).containsExactly(0, 1);
		assertThat(errors).extracting(CsvError::line).containsExactly(6L);
	}

}
