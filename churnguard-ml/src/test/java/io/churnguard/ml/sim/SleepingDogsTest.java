package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.churnguard.ml.sim.SimulationFiles.TruthRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Some customers stay only as long as nobody reminds them that they could leave. */
class SleepingDogsTest {

	private static final LocalDate END = SimulationConfig.DEFAULT_START.plusMonths(SimulatedCompanies.MONTHS);

	@Test
	void everyUpliftSegmentExistsAndSleepingDogsAreAMinority() {
		Map<String, TruthRow> truth = SimulationFiles.truth(SimulatedCompanies.of(Preset.TELECOM));
		for (UpliftSegment segment : UpliftSegment.values()) {
			long count = truth.values().stream().filter((row) -> row.segment() == segment).count();
			assertThat(count / (double) truth.size()).as(segment.code()).isBetween(0.05, 0.6);
		}
	}

	@Test
	void theTrueEffectOfACallOnASleepingDogIsHarm() {
		List<TruthRow> dogs = activeSleepingDogs(SimulatedCompanies.of(Preset.TELECOM));
		long harmed = dogs.stream().filter((row) -> row.effect(RetentionAction.CALLBACK) > 0).count();
		assertThat(harmed).isGreaterThan((long) (0.95 * dogs.size()));
		double meanPersuadableEffect = SimulationFiles.truth(SimulatedCompanies.of(Preset.TELECOM))
			.values()
			.stream()
			.filter((row) -> row.churnDate() == null && row.segment() == UpliftSegment.PERSUADABLE)
			.mapToDouble((row) -> row.effect(RetentionAction.CALLBACK))
			.average()
			.orElseThrow();
		assertThat(meanPersuadableEffect).isNegative();
	}

	@Test
	void callingSleepingDogsMakesMoreOfThemLeave() {
		Path base = SimulatedCompanies.of(Preset.TELECOM);
		List<TruthRow> dogs = activeSleepingDogs(base);
		List<Treatment> calls = dogs.stream()
			.map((row) -> new Treatment(row.customerId(), RetentionAction.CALLBACK, END))
			.toList();
		Set<String> dogIds = new java.util.HashSet<>(dogs.stream().map(TruthRow::customerId).toList());
		Set<String> leftAnyway = SimulatedCompanies.churnersIn(SimulatedCompanies.untreatedQuarter(Preset.TELECOM),
				END);
		Set<String> leftAfterCall = SimulatedCompanies.churnersIn(SimulatedCompanies.continued(base, 3, calls, "dogs"),
				END);
		leftAnyway.retainAll(dogIds);
		leftAfterCall.retainAll(dogIds);
		double expectedExtra = dogs.stream().mapToDouble((row) -> row.effect(RetentionAction.CALLBACK)).sum();
		assertThat(leftAfterCall).as("a call never keeps a sleeping dog").containsAll(leftAnyway);
		assertThat(leftAfterCall.size() - leftAnyway.size()).as("extra leavers (expected about %.0f)", expectedExtra)
			.isGreaterThan((int) (0.5 * expectedExtra))
			.isGreaterThan(leftAnyway.size() / 5);
	}

	private static List<TruthRow> activeSleepingDogs(Path dir) {
		return SimulationFiles.truth(dir)
			.values()
			.stream()
			.filter((row) -> row.churnDate() == null && row.segment() == UpliftSegment.SLEEPING_DOG)
			.toList();
	}

}
