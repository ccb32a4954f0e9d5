package io.churnguard.ml.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The monthly churn rate is what the config asks for, by preset default or explicitly.
 */
class ChurnRateCalibrationTest {

	@Test
	void aTelecomOperatorLosesOneToThreePercentOfItsCustomersAMonth() {
		SimulationSummary summary = SimulatedCompanies.summary(Preset.TELECOM);
		assertThat(summary.monthlyChurnRate()).isBetween(0.01, 0.03);
		assertThat(summary.churners()).isEqualTo(
				SimulatedCompanies.churnersIn(SimulatedCompanies.of(Preset.TELECOM), SimulationConfig.DEFAULT_START)
					.size());
	}

	@Test
	void aConfiguredTargetRateIsMet() throws IOException {
		Path dir = SimulatedCompanies.newDirectory("one-percent");
		SimulationSummary summary = Simulator
			.run(SimulationConfig.of(Preset.TELECOM, 10_000, 12, 3).withTargetMonthlyChurnRate(0.01), dir);
		assertThat(summary.monthlyChurnRate()).isCloseTo(0.01, within(0.0015));
	}

	@Test
	void theTrueMonthlyProbabilitiesAveragedOverExposureGiveTheRealisedRate() {
		Path dir = SimulatedCompanies.of(Preset.TELECOM);
		var customers = SimulationFiles.customers(dir);
		LocalDate start = SimulationConfig.DEFAULT_START;
		LocalDate end = start.plusMonths(SimulatedCompanies.MONTHS);
		double weighted = 0;
		double exposure = 0;
		for (SimulationFiles.TruthRow row : SimulationFiles.truth(dir).values()) {
			LocalDate joined = LocalDate.parse(customers.get(row.customerId()).get("join_date"));
			LocalDate from = joined.isAfter(start) ? joined : start;
			LocalDate to = (row.churnDate() != null) ? row.churnDate().plusDays(1) : end;
			long days = ChronoUnit.DAYS.between(from, to);
			weighted += row.monthlyProbability() * days;
			exposure += days;
		}
		assertThat(weighted / exposure).isCloseTo(SimulatedCompanies.summary(Preset.TELECOM).monthlyChurnRate(),
				within(0.002));
	}

	@Test
	void theTrueNinetyDayRiskPredictsHowManyLeaveInTheNextQuarter() {
		var truth = SimulationFiles.truth(SimulatedCompanies.of(Preset.TELECOM));
		double expected = truth.values()
			.stream()
			.filter((row) -> row.churnDate() == null)
			.mapToDouble(SimulationFiles.TruthRow::probability90)
			.sum();
		int left = SimulatedCompanies
			.churnersIn(SimulatedCompanies.untreatedQuarter(Preset.TELECOM),
					SimulationConfig.DEFAULT_START.plusMonths(SimulatedCompanies.MONTHS))
			.size();
		assertThat((double) left).isCloseTo(expected, within(0.15 * expected));
	}

}
