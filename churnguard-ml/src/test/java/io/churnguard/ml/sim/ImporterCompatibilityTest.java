package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.CsvError;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.CustomerCsvReader;
import io.churnguard.ml.event.EventCsvReader;
import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator writes exactly what the importers accept by default: the project's
 * validating readers take every row of every preset without a mapping or an error.
 */
class ImporterCompatibilityTest {

	@Test
	void theEventReaderAcceptsEveryEventOfEveryPreset() throws IOException {
		for (Preset preset : Preset.values()) {
			Path dir = SimulatedCompanies.of(preset);
			List<CsvError> errors = new ArrayList<>();
			Map<EventType, Long> types = new EnumMap<>(EventType.class);
			long[] counts;
			try (Reader in = Files.newBufferedReader(dir.resolve("events.csv"), StandardCharsets.UTF_8)) {
				counts = EventCsvReader.read(in, (event) -> types.merge(event.type(), 1L, Long::sum), (error) -> {
					if (errors.size() < 10) {
						errors.add(error);
					}
				});
			}
			assertThat(errors).as(preset.code()).isEmpty();
			assertThat(counts[1]).isZero();
			assertThat(counts[0]).isEqualTo(SimulatedCompanies.summary(preset).events());
			assertThat(types).containsKeys(EventType.USAGE, EventType.BILL, EventType.PAYMENT, EventType.CHURN);
		}
	}

	@Test
	void theCustomerReaderAcceptsEveryCustomerWithItsChurnStatus() throws IOException {
		for (Preset preset : Preset.values()) {
			Path dir = SimulatedCompanies.of(preset);
			var result = CustomerCsvReader.readAll(dir.resolve("customers.csv"));
			assertThat(result.errors()).as(preset.code()).isEmpty();
			assertThat(result.rows()).hasSize(SimulatedCompanies.summary(preset).customers());
			long churned = result.rows().stream().filter(CustomerAttributes::churned).count();
			assertThat(churned).isEqualTo(SimulatedCompanies.summary(preset).churners());
			assertThat(result.rows()).allSatisfy((row) -> {
				assertThat(row.joinDate()).isNotNull();
				assertThat(row.monthlyFee()).isPositive();
				assertThat(row.churned()).isEqualTo(row.churnDate() != null);
			});
		}
	}

}
