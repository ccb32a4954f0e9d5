package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Churn announces itself weeks ahead, as our users' documents say it does: usage falls
 * and complaints and port-out inquiries rise before a customer leaves.
 */
class ChurnWarningSignsTest {

	@Test
	void aChurnerUsesLessDataInTheMonthBeforeLeavingThanTwoMonthsEarlier() {
		Path telecom = SimulatedCompanies.of(Preset.TELECOM);
		Map<String, LocalDate> churnDates = churnDates(telecom);
		Map<String, double[]> usage = new HashMap<>();
		SimulationFiles.events(telecom, (event) -> {
			LocalDate churn = churnDates.get(event.customerId());
			if (churn == null || !event.type().equals("usage") || !event.subtype().equals("data")) {
				return;
			}
			long before = ChronoUnit.DAYS.between(event.date(), churn);
			double[] sums = usage.computeIfAbsent(event.customerId(), (id) -> new double[2]);
			if (before > 0 && before <= 28) {
				sums[0] += event.quantity();
			}
			else if (before > 56 && before <= 84) {
				sums[1] += event.quantity();
			}
		});
		long compared = usage.values().stream().filter((sums) -> sums[1] > 0).count();
		long fell = usage.values().stream().filter((sums) -> sums[1] > 0 && sums[0] < sums[1]).count();
		assertThat(fell / (double) compared).isGreaterThan(0.65);
	}

	@Test
	void churnersComplainAndAskAboutPortingOutMoreInTheirLastTwoMonths() {
		Path telecom = SimulatedCompanies.of(Preset.TELECOM);
		Map<String, LocalDate> churnDates = churnDates(telecom);
		LocalDate observation = LocalDate.of(2025, 9, 1);
		// Per group (churners of the next months, others): customers, complaints,
		// inquiries.
		double[][] counts = new double[2][3];
		Map<String, Boolean> group = new HashMap<>();
		SimulationFiles.customers(telecom).forEach((id, row) -> {
			LocalDate churn = churnDates.get(id);
			boolean active = LocalDate.parse(row.get("join_date")).isBefore(observation.minusDays(60))
					&& (churn == null || !churn.isBefore(observation));
			if (active) {
				boolean leaves = churn != null && churn.isBefore(observation.plusDays(60));
				group.put(id, leaves);
				counts[leaves ? 1 : 0][0]++;
			}
		});
		SimulationFiles.events(telecom, (event) -> {
			Boolean leaves = group.get(event.customerId());
			long before = ChronoUnit.DAYS.between(event.date(), observation);
			if (leaves != null && before > 0 && before <= 60) {
				counts[leaves ? 1 : 0][1] += event.type().equals("complaint") ? 1 : 0;
				counts[leaves ? 1 : 0][2] += event.attributes().contains("携号转网") ? 1 : 0;
			}
		});
		assertThat(counts[1][1] / counts[1][0]).isGreaterThan(1.5 * counts[0][1] / counts[0][0]);
		assertThat(counts[1][2] / counts[1][0]).isGreaterThan(5 * counts[0][2] / counts[0][0]);
	}

	private static Map<String, LocalDate> churnDates(Path dir) {
		Map<String, LocalDate> dates = new HashMap<>();
		SimulationFiles.customers(dir).forEach((id, row) -> {
			if (!row.get("churn_date").isEmpty()) {
				dates.put(id, LocalDate.parse(row.get("churn_date")));
			}
		});
		return dates;
	}

}
