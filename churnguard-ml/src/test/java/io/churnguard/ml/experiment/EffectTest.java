package io.churnguard.ml.experiment;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EffectTest {

	@Test
	void newcombesWorkedExampleIsReproduced() {
		// Newcombe (1998), example (a): 56/70 vs 48/80, method 10 gives 0.0524 to 0.3339.
		Effect effect = Effect.of(70, 56, 80, 48);
		assertThat(effect.uplift()).isCloseTo(0.2, within(1e-12));
		assertThat(effect.ciLow()).isCloseTo(0.0524, within(5e-5));
		assertThat(effect.ciHigh()).isCloseTo(0.3339, within(5e-5));
		assertThat(effect.significant()).isTrue();
	}

	@Test
	void thePValueIsThatOfThePooledZTest() {
		// 60/100 vs 50/100: pooled 0.55, z = 1.4213, two-sided p = 0.1552.
		Effect effect = Effect.of(100, 60, 100, 50);
		assertThat(effect.pValue()).isCloseTo(0.155218, within(1e-5));
		assertThat(effect.significant()).isFalse();
		assertThat(Effect.of(100, 50, 100, 60).pValue()).isCloseTo(effect.pValue(), within(1e-15));
	}

	@Test
	void theIntervalCoversTheTrueUpliftAboutNineteenTimesInTwenty() {
		// Control retains 85 %, the action raises it to 88 %; 2,000 a group, 1,000
		// experiments.
		SplittableRandom random = new SplittableRandom(17);
		int covered = 0;
		int trials = 1000;
		for (int trial = 0; trial < trials; trial++) {
			long treatedRetained = retained(random, 2000, 0.88);
			long controlRetained = retained(random, 2000, 0.85);
			Effect effect = Effect.of(2000, treatedRetained, 2000, controlRetained);
			covered += (effect.ciLow() <= 0.03 && 0.03 <= effect.ciHigh()) ? 1 : 0;
		}
		// Binomial(1000, 0.95) lies in [936, 964] with probability above 99.5 %.
		assertThat(covered).isBetween(936, 964);
	}

	@Test
	void emptyAndUnanimousGroupsGiveNumbersNotNaN() {
		Effect noControl = Effect.of(50, 40, 0, 0);
		assertThat(noControl.uplift()).isZero();
		assertThat(noControl.ciLow()).isEqualTo(-1);
		assertThat(noControl.ciHigh()).isEqualTo(1);
		assertThat(noControl.pValue()).isEqualTo(1);
		assertThat(noControl.treatedRate()).isEqualTo(0.8);

		Effect allRetained = Effect.of(30, 30, 30, 30);
		assertThat(allRetained.uplift()).isZero();
		assertThat(allRetained.pValue()).isEqualTo(1);
		assertThat(allRetained.ciLow()).isNegative();
		assertThat(allRetained.ciHigh()).isPositive();

		Effect allVersusNone = Effect.of(30, 30, 30, 0);
		assertThat(allVersusNone.uplift()).isEqualTo(1);
		assertThat(allVersusNone.ciHigh()).isEqualTo(1);
		assertThat(allVersusNone.pValue()).isLessThan(1e-10);
	}

	@Test
	void theReturnSetsSavedValueAgainstCost() {
		// 1,000 treated, uplift 3 points: 30 saved, worth 1,200 each = 36,000 for 12,000
		// spent.
		Effect effect = Effect.of(1000, 880, 1000, 850);
		Roi roi = Roi.of(effect, 12_000, 1_200);
		assertThat(roi.savedCustomers()).isCloseTo(30, within(1e-9));
		assertThat(roi.savedValue()).isCloseTo(36_000, within(1e-6));
		assertThat(roi.roi()).isCloseTo(2.0, within(1e-9));
		assertThat(Roi.of(effect, 0, 1_200).roi()).isZero();
		assertThat(Roi.of(Effect.of(1000, 800, 1000, 850), 12_000, 1_200).roi()).isLessThan(-1);
	}

	private static long retained(SplittableRandom random, int n, double p) {
		long count = 0;
		for (int i = 0; i < n; i++) {
			count += (random.nextDouble() < p) ? 1 : 0;
		}
		return count;
	}

}
