package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.churnguard.ml.sim.SimulationFiles.TruthRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign run against the simulation: the customers a discount keeps are the
 * persuadables, not simply the riskiest, and truth.csv knows which they are.
 */
class UpliftTargetingTest {

	private static final LocalDate END = SimulationConfig.DEFAULT_START.plusMonths(SimulatedCompanies.MONTHS);

	@Test
	void discountingTheHighestTrueUpliftSavesClearlyMoreCustomersThanDiscountingTheHighestRisk() {
		Path base = SimulatedCompanies.of(Preset.TELECOM);
		List<TruthRow> active = SimulationFiles.truth(base)
			.values()
			.stream()
			.filter((row) -> row.churnDate() == null)
			.toList();
		int budget = active.size() / 10;
		List<TruthRow> byUplift = active.stream()
			.sorted(Comparator.comparingDouble((TruthRow row) -> row.effect(RetentionAction.DISCOUNT)))
			.limit(budget)
			.toList();
		List<TruthRow> byRisk = active.stream()
			.sorted(Comparator.comparingDouble(TruthRow::probability90).reversed())
			.limit(budget)
			.toList();

		int untreated = SimulatedCompanies.churnersIn(SimulatedCompanies.untreatedQuarter(Preset.TELECOM), END).size();
		int savedByUplift = untreated - churnersAfterDiscounting(base, byUplift, "uplift");
		int savedByRisk = untreated - churnersAfterDiscounting(base, byRisk, "risk");

		double expectedByUplift = -byUplift.stream().mapToDouble((row) -> row.effect(RetentionAction.DISCOUNT)).sum();
		assertThat(savedByUplift).as("saved by uplift targeting (expected about %.0f)", expectedByUplift)
			.isBetween((int) (0.6 * expectedByUplift), (int) (1.5 * expectedByUplift))
			.isGreaterThan((int) (1.4 * Math.max(savedByRisk, 0)))
			.isGreaterThan(savedByRisk + 30);
	}

	private static int churnersAfterDiscounting(Path base, List<TruthRow> targets, String name) {
		List<Treatment> treatments = targets.stream()
			.map((row) -> new Treatment(row.customerId(), RetentionAction.DISCOUNT, END))
			.toList();
		Set<String> churners = SimulatedCompanies.churnersIn(SimulatedCompanies.continued(base, 3, treatments, name),
				END);
		return churners.size();
	}

}
