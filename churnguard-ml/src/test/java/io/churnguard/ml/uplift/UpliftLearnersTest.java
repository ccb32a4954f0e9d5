package io.churnguard.ml.uplift;

import java.util.Map;

import io.churnguard.ml.eval.Metrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpliftLearnersTest {

	private static final SyntheticCampaign PAST = new SyntheticCampaign(16_000, 1);

	private static final SyntheticCampaign NEXT = new SyntheticCampaign(8_000, 2);

	private static final UpliftModel TWO_MODEL = new UpliftTrainer(UpliftLearner.TWO_MODEL,
			UpliftTrainer.defaultParameters(7))
		.train(PAST.sample());

	private static final UpliftModel X_LEARNER = new UpliftTrainer(UpliftLearner.X_LEARNER,
			UpliftTrainer.defaultParameters(7))
		.train(PAST.sample());

	@Test
	void theTwoModelLearnerTellsPersuadablesFromSleepingDogs() {
		assertFindsTheSegments(TWO_MODEL.uplift(NEXT.features));
	}

	@Test
	void theXLearnerTellsPersuadablesFromSleepingDogsAndRanksAtLeastAsWell() {
		double[] uplift = X_LEARNER.uplift(NEXT.features);
		assertFindsTheSegments(uplift);
		double xQini = Qini.of(uplift, NEXT.treated, NEXT.churned).qiniCoefficient();
		double tQini = Qini.of(TWO_MODEL.uplift(NEXT.features), NEXT.treated, NEXT.churned).qiniCoefficient();
		assertThat(xQini).isGreaterThan(0.9 * tQini);
		assertThat(((XLearnerUplift) X_LEARNER).propensity()).isBetween(0.48, 0.52);
	}

	@Test
	void theRiskWithoutActionIsLearnedFromTheControlGroup() {
		double[] risk = X_LEARNER.churnWithoutAction(NEXT.features);
		int[] highRisk = new int[risk.length];
		for (int i = 0; i < risk.length; i++) {
			highRisk[i] = (NEXT.risk[i] > 0.3) ? 1 : 0;
		}
		assertThat(Metrics.auc(highRisk, risk)).isGreaterThan(0.9);
	}

	@Test
	void eachActionGetsItsOwnModelAgainstTheSharedControlGroup() {
		// A "callback" arm whose effect is the discount's mirror image: it only harms.
		int n = PAST.churned.length;
		String[] actions = new String[n];
		int[] churned = PAST.churned.clone();
		java.util.SplittableRandom random = new java.util.SplittableRandom(3);
		for (int i = 0; i < n; i++) {
			if (PAST.treated[i]) {
				boolean callback = random.nextBoolean();
				actions[i] = callback ? "callback" : "discount";
				if (callback) {
					double harmed = Math.min(1, 1.5 * PAST.risk[i]);
					churned[i] = (random.nextDouble() < harmed) ? 1 : 0;
				}
			}
		}
		Map<String, UpliftModel> models = new UpliftTrainer(UpliftLearner.TWO_MODEL, UpliftTrainer.defaultParameters(7))
			.trainPerAction(PAST.features, actions, churned);

		assertThat(models).containsOnlyKeys("callback", "discount");
		double[] callback = models.get("callback").uplift(NEXT.features);
		double[] discount = models.get("discount").uplift(NEXT.features);
		assertThat(mean(callback)).isNegative();
		assertThat(mean(discount)).isPositive();
	}

	private static void assertFindsTheSegments(double[] uplift) {
		int[] persuadable = new int[uplift.length];
		double persuadableSum = 0;
		double sleepingSum = 0;
		int persuadables = 0;
		int sleeping = 0;
		for (int i = 0; i < uplift.length; i++) {
			persuadable[i] = (NEXT.trueUplift[i] > 0) ? 1 : 0;
			if (NEXT.trueUplift[i] > 0) {
				persuadableSum += uplift[i];
				persuadables++;
			}
			else if (NEXT.trueUplift[i] < 0) {
				sleepingSum += uplift[i];
				sleeping++;
			}
		}
		assertThat(Metrics.auc(persuadable, uplift)).as("AUC of uplift for persuadables").isGreaterThan(0.85);
		assertThat(persuadableSum / persuadables).as("mean estimated uplift of persuadables").isGreaterThan(0.08);
		assertThat(sleepingSum / sleeping).as("mean estimated uplift of sleeping dogs").isNegative();
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return sum / values.length;
	}

}
