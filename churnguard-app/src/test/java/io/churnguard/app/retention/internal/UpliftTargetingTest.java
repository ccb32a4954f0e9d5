package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;
import io.churnguard.ml.uplift.TargetingCandidate;
import io.churnguard.ml.uplift.UpliftLearner;
import io.churnguard.ml.uplift.UpliftTrainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/**
 * Learning uplift from campaign members, pricing contacts, and planning a launch with a
 * plan's actions.
 */
class UpliftTargetingTest {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void theHeldOutMembersAreAStratifiedReproducibleShareOfEachGroup() {
		List<UpliftLearning.Member> members = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			members.add(new UpliftLearning.Member(1, "C" + i, (i % 2 == 0) ? "callback" : null, false));
		}
		boolean[] held = UpliftLearning.split(members, 0.3, 7);
		int treatedHeld = 0;
		int controlHeld = 0;
		for (int i = 0; i < held.length; i++) {
			treatedHeld += (held[i] && i % 2 == 0) ? 1 : 0;
			controlHeld += (held[i] && i % 2 == 1) ? 1 : 0;
		}
		assertThat(treatedHeld).isEqualTo(150);
		assertThat(controlHeld).isEqualTo(150);
		assertThat(UpliftLearning.split(members, 0.3, 7)).isEqualTo(held);
		assertThat(UpliftLearning.split(members, 0.3, 8)).isNotEqualTo(held);
	}

	@Test
	void aDiscountThatKeepsHighXCustomersIsLearnedAndRanksAboveChanceWhileATooRareActionIsLeftOut() {
		SplittableRandom random = new SplittableRandom(5);
		int n = 4000;
		double[] x = new double[n];
		List<UpliftLearning.Member> members = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			x[i] = random.nextDouble();
			String action = (i % 2 == 0) ? null : (i % 97 == 1) ? "sms" : "discount";
			// Control churns at 30 %; the discount removes up to 25 points, the more the
			// higher x, and harms customers with x below 0.2.
			double p = (action == null) ? 0.3 : 0.3 - 0.3 * (x[i] - 0.2);
			members.add(new UpliftLearning.Member(1, "C" + i, action, random.nextDouble() < p));
		}
		UpliftLearning.Result result = UpliftLearning.learn(members, Frame.of(NumericColumn.of("x", x)),
				UpliftLearner.X_LEARNER, UpliftTrainer.defaultParameters(3), 0.3, 7);

		assertThat(result.models()).containsOnlyKeys("discount");
		assertThat(result.skipped()).singleElement().asString().startsWith("sms:").contains("too few");
		UpliftLearning.ActionEvaluation discount = result.headline();
		assertThat(discount.action()).isEqualTo("discount");
		assertThat(discount.holdoutTreated() + discount.holdoutControl() + discount.treated() + discount.control())
			.isEqualTo(n - (int) members.stream().filter(m -> "sms".equals(m.action())).count());
		assertThat(discount.qiniCoefficient()).as("the ranking beats random targeting").isPositive();
		assertThat(discount.auuc()).isGreaterThan(discount.randomAuuc());
		assertThat(discount.curve().share()).hasSize(101);
		double[] low = result.models().get("discount").uplift(Frame.of(NumericColumn.of("x", new double[] { 0.05 })));
		double[] high = result.models().get("discount").uplift(Frame.of(NumericColumn.of("x", new double[] { 0.95 })));
		assertThat(high[0]).isGreaterThan(0.1);
		assertThat(low[0]).isLessThan(high[0] - 0.1);
	}

	@Test
	void tooFewMembersForAnyActionIsRefusedWithTheCounts() {
		List<UpliftLearning.Member> members = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			members.add(new UpliftLearning.Member(1, "C" + i, (i % 2 == 0) ? "callback" : null, i % 3 == 0));
		}
		assertThatThrownBy(() -> UpliftLearning.learn(members, Frame.of(NumericColumn.of("x", new double[40])),
				UpliftLearner.TWO_MODEL, UpliftTrainer.defaultParameters(3), 0.3, 7))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("callback: 14 treated and 14 control");
	}

	@Test
	void theChurnModelsRiskTimesTheShareOfRiskTheActionRemovesIsTheExpectedSaving() {
		// The uplift model: the call drops churn from 0.40 to 0.30, a quarter of its
		// risk.
		TargetingCandidate candidate = TargetingComparison.candidate("C1", 0.2, 1000, Map.of("callback", 0.10),
				Map.of("callback", 0.40));
		assertThat(candidate.uplift().get("callback")).isCloseTo(0.25, offset(1e-12));
		assertThat(candidate.expectedSaved("callback")).as("a quarter of the champion's 20 %")
			.isCloseTo(0.05, offset(1e-12));
		assertThat(TargetingComparison.candidate("C2", 0.5, 1000, Map.of("callback", 0.3), Map.of("callback", 0.1))
			.uplift()).as("no action removes more than all the risk").containsEntry("callback", 1.0);
	}

	@Test
	void upliftTargetingStaysWithinTheBudgetSkipsTheSleepingDogsAndOutEarnsRiskTargeting() {
		List<TargetingCandidate> candidates = List.of(
				// Riskiest, but the call makes them leave sooner.
				TargetingComparison.candidate("dog", 0.9, 1000, Map.of("callback", -0.2), Map.of("callback", 0.9)),
				TargetingComparison.candidate("lost", 0.8, 1000, Map.of("callback", 0.0), Map.of("callback", 0.8)),
				TargetingComparison.candidate("p1", 0.3, 1000, Map.of("callback", 0.15), Map.of("callback", 0.3)),
				TargetingComparison.candidate("p2", 0.2, 2000, Map.of("callback", 0.10), Map.of("callback", 0.2)),
				TargetingComparison.candidate("sure", 0.05, 1000, Map.of("callback", 0.001), Map.of("callback", 0.05)));
		TargetingComparison.Comparison comparison = TargetingComparison.compare(candidates, Map.of("callback", 12.0),
				"callback", 30);

		assertThat(comparison.uplift().contacts()).extracting(c -> c.customerId()).containsExactly("p2", "p1");
		assertThat(comparison.uplift().doNotContact()).containsExactly("dog");
		assertThat(comparison.upliftTotals().cost()).isEqualTo(24.0);
		assertThat(comparison.upliftTotals().expectedSavedCustomers()).isCloseTo(0.25, offset(1e-9));
		assertThat(comparison.upliftTotals().expectedSavedValue()).isCloseTo(350, offset(1e-9));
		assertThat(comparison.riskTotals().contacts()).as("risk targeting calls the riskiest two").isEqualTo(2);
		assertThat(comparison.risk().contacts()).extracting(c -> c.customerId()).containsExactly("dog", "lost");
		assertThat(comparison.riskTotals().expectedSavedCustomers()).isCloseTo(-0.2, offset(1e-9));
		assertThat(comparison.upliftTotals().expectedNetValue())
			.isGreaterThan(comparison.riskTotals().expectedNetValue());
		assertThatThrownBy(() -> TargetingComparison.compare(candidates, Map.of("callback", 12.0), "callback", 0))
			.hasMessageContaining("budget");
	}

	@Test
	void aLaunchPlansTheActionTheAppliedPlanChoseWithThatActionsChannelCostAndOwner() {
		Playbook discount = new Playbook(2, "折扣", "*", "*", "*", "discount", "sms", new BigDecimal("30"), "zh", "en",
				"SALES_MANAGER", true, NOW, "test");
		Playbook care = new Playbook(3, "关怀", "*", "*", "*", "care", "wechat", BigDecimal.ONE, "zh", "en", "AGENT",
				true, NOW, "test");
		Campaign campaign = campaign(List.of(2L, 3L));
		TaskRouting routing = new TaskRouting(
				List.of(new Actor("agent1", Role.AGENT, "广东", "T1"), new Actor("mgr", Role.SALES_MANAGER, "广东", "T1")),
				Map.of());
		TreatmentPlanner planner = new TreatmentPlanner(campaign, List.of(discount, care), routing,
				Map.of("C1", "discount", "C2", "callback"));

		TreatmentPlanner.Plan planned = planner.plan(customer("C1"));
		assertThat(planned).isEqualTo(new TreatmentPlanner.Plan("mgr", "sms", "discount", 2L, new BigDecimal("30")));
		assertThat(planner.plan(customer("C2"))).as("the campaign's own action, as the plan priced it")
			.isEqualTo(new TreatmentPlanner.Plan("agent1", "phone", "callback", null, new BigDecimal("12")));
		assertThat(planner.plan(customer("C3")).playbookId()).as("without a plan, the best-matching playbook")
			.isEqualTo(2L);
		assertThat(new TargetingOptions(campaign, List.of(discount, care)).costs())
			.containsExactly(Map.entry("callback", 12.0), Map.entry("discount", 30.0), Map.entry("care", 1.0));
	}

	private static Candidate customer(String id) {
		return new Candidate(id, "B", "广东", "T1", "plan", "agent1", BigDecimal.TEN, "high", null);
	}

	private static Campaign campaign(List<Long> playbooks) {
		return new Campaign(9, "c", null, "batch", CampaignStatus.DRAFT, TargetFilter.none(), playbooks, "callback",
				"phone", new BigDecimal("12"), 0.8, 0.05, 0.1, 90, null, 1, null, NOW, "head", null, null, null, null,
				null, null);
	}

}
