package io.churnguard.ml.uplift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetingTest {

	private static final Map<String, Double> COSTS = Map.of("discount", 50.0, "callback", 10.0);

	private final TargetingCandidate leaving = new TargetingCandidate("leaving", 0.9, 1000,
			Map.of("discount", 0.05, "callback", 0.02));

	private final TargetingCandidate persuadable = new TargetingCandidate("persuadable", 0.3, 1000,
			Map.of("discount", 0.6, "callback", 0.1));

	private final TargetingCandidate sleepingDog = new TargetingCandidate("sleeping-dog", 0.5, 1000,
			Map.of("discount", -0.2, "callback", -0.4));

	@Test
	void theBudgetGoesToThePersuadableCustomerWhileRiskTargetingCallsTheOneAlreadyLeaving() {
		List<TargetingCandidate> customers = List.of(this.leaving, this.persuadable, this.sleepingDog);

		TargetingPlan byUplift = new UpliftTargeting(COSTS).choose(customers, 50);
		TargetingPlan byRisk = new RiskTargeting("discount", 50).choose(customers, 50);

		// Discounting the persuadable: 0.3 × 0.6 × 1000 − 50 = 130; the one leaving: 45 −
		// 50 < 0.
		assertThat(byUplift.contacts()).extracting(Contact::customerId, Contact::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("persuadable", "discount"));
		assertThat(byUplift.expectedNetValue()).isCloseTo(130, within(1e-9));
		assertThat(byRisk.contacts()).extracting(Contact::customerId).containsExactly("leaving");
		assertThat(byRisk.expectedSaved()).isCloseTo(0.045, within(1e-12));
	}

	@Test
	void customersEveryActionDrivesAwayAreOnTheDoNotContactList() {
		TargetingPlan plan = new UpliftTargeting(COSTS)
			.choose(List.of(this.leaving, this.persuadable, this.sleepingDog), 1_000_000);

		assertThat(plan.doNotContact()).containsExactly("sleeping-dog");
		assertThat(plan.contacts()).extracting(Contact::customerId).doesNotContain("sleeping-dog");
		// The customer already leaving is not worth a discount but is worth a call:
		// 0.9 × 0.02 × 1000 − 10 = 8.
		assertThat(plan.contacts()).extracting(Contact::customerId, Contact::action)
			.contains(org.assertj.core.groups.Tuple.tuple("leaving", "callback"));
	}

	@Test
	void theCheaperActionWinsWhenItEarnsMorePerUnitOfCost() {
		// Discount: 0.5 × 0.3 × 1000 − 50 = 100 (2 per unit); callback: 0.5 × 0.1 × 1000
		// − 10 = 40
		// (4 per unit). With room for one discount or five calls, five calls earn more.
		List<TargetingCandidate> customers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			customers.add(new TargetingCandidate("c" + i, 0.5, 1000, Map.of("discount", 0.3, "callback", 0.1)));
		}
		TargetingPlan plan = new UpliftTargeting(COSTS).choose(customers, 50);

		assertThat(plan.contacts()).hasSize(5).allSatisfy((c) -> assertThat(c.action()).isEqualTo("callback"));
		assertThat(plan.expectedNetValue()).isCloseTo(200, within(1e-9));
	}

	@Test
	void noPlanSpendsMoreThanItsBudgetAndEachCustomerIsContactedOnce() {
		SplittableRandom random = new SplittableRandom(8);
		List<TargetingCandidate> customers = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			customers.add(new TargetingCandidate("c" + i, random.nextDouble(), 500 + 1000 * random.nextDouble(),
					Map.of("discount", random.nextDouble(-0.3, 0.7), "callback", random.nextDouble(-0.5, 0.3))));
		}
		for (double budget : new double[] { 0, 49, 1234, 20_000, 1e9 }) {
			TargetingPlan byUplift = new UpliftTargeting(COSTS).choose(customers, budget);
			TargetingPlan byRisk = new RiskTargeting("discount", 50).choose(customers, budget);
			assertThat(byUplift.totalCost()).isLessThanOrEqualTo(budget);
			assertThat(byRisk.totalCost()).isLessThanOrEqualTo(budget);
			assertThat(byUplift.contacts().stream().map(Contact::customerId).distinct().count())
				.isEqualTo(byUplift.contacts().size());
			assertThat(byUplift.contacts()).allSatisfy((c) -> assertThat(c.expectedNetValue()).isPositive());
		}
	}

	@Test
	void theOracleIsUpliftTargetingOnTheTruthAndReductionsConvertToShares() {
		TargetingCandidate fromModel = TargetingCandidate.ofReduction("m", 0.4, 1000,
				Map.of("discount", 0.1, "callback", -0.02));
		assertThat(fromModel.uplift().get("discount")).isCloseTo(0.25, within(1e-12));
		assertThat(fromModel.expectedSaved("callback")).isCloseTo(-0.02, within(1e-12));
		assertThat(TargetingCandidate.ofReduction("z", 0, 1000, Map.of("discount", 0.1)).uplift().get("discount"))
			.isZero();

		List<TargetingCandidate> truth = List.of(this.leaving, this.persuadable, this.sleepingDog, fromModel);
		assertThat(new OracleTargeting(COSTS).choose(truth, 100))
			.isEqualTo(new UpliftTargeting(COSTS).choose(truth, 100));
	}

}
