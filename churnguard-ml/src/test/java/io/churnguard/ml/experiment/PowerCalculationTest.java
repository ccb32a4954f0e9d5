package io.churnguard.ml.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PowerCalculationTest {

	@Test
	void anEvenSplitReproducesTheTextbookSampleSize() {
		// Fleiss, Levin & Paik (4.14, no continuity correction): 50 % vs 60 %, α = 0.05,
		// power 0.8 needs 387.3, i.e. 388 a group; 387 a group falls just short.
		assertThat(PowerCalculation.minimumDetectableEffect(388, 388, 0.5, 0.05, 0.8)).isLessThanOrEqualTo(0.1);
		assertThat(PowerCalculation.minimumDetectableEffect(387, 387, 0.5, 0.05, 0.8)).isGreaterThan(0.1);
	}

	@Test
	void theControlGroupIsTheSmallestThatReachesThePower() {
		// 776 is enough for an even split; near the optimum the power barely depends on
		// the
		// split, so a somewhat smaller control group with a larger treated group
		// suffices.
		int control = PowerCalculation.controlSize(776, 0.5, 0.1, 0.05, 0.8, 0.05);
		assertThat(control).isBetween(340, 388);
		assertThat(PowerCalculation.minimumDetectableEffect(776 - control, control, 0.5, 0.05, 0.8))
			.isLessThanOrEqualTo(0.1);
		assertThat(PowerCalculation.minimumDetectableEffect(776 - control + 1, control - 1, 0.5, 0.05, 0.8))
			.isGreaterThan(0.1);
		// 760 in all cannot reach the power however split, so the list is halved.
		assertThat(PowerCalculation.controlSize(760, 0.5, 0.1, 0.05, 0.8, 0.05)).isEqualTo(380);
	}

	@Test
	void aLongListNeedsASmallerControlGroupThanAnEvenSplit() {
		// With 10,000 treated-or-held-out the treated side is large, so fewer than 388
		// are needed
		// in control: 1/t + 1/c with t near 10,000 is nearly 1/c, about half of 2/388.
		int control = PowerCalculation.controlSize(10_000, 0.5, 0.1, 0.05, 0.8, 0.0);
		assertThat(control).isBetween(190, 230);
		// The result does reach the power, and one fewer does not.
		assertThat(PowerCalculation.minimumDetectableEffect(10_000 - control, control, 0.5, 0.05, 0.8))
			.isLessThanOrEqualTo(0.1);
		assertThat(PowerCalculation.minimumDetectableEffect(10_000 - control + 1, control - 1, 0.5, 0.05, 0.8))
			.isGreaterThan(0.1);
	}

	@Test
	void theMinimumShareIsHeldOutEvenForALargeEffect() {
		// A 30-point uplift needs only a few dozen, but 5 % of 10,000 are held out all
		// the same.
		assertThat(PowerCalculation.controlSize(10_000, 0.5, 0.3, 0.05, 0.8, 0.05)).isEqualTo(500);
		// 5 % of 100 is 5, not 6, despite 0.05 × 100 = 5.000000000000001 in floating
		// point.
		assertThat(PowerCalculation.controlSize(100, 0.5, 0.9, 0.05, 0.8, 0.05)).isEqualTo(5);
	}

	@Test
	void noExpectedEffectAndTinyListsGiveHalf() {
		assertThat(PowerCalculation.controlSize(1000, 0.8, 0.0, 0.05, 0.8, 0.05)).isEqualTo(500);
		assertThat(PowerCalculation.controlSize(1, 0.8, 0.1, 0.05, 0.8, 0.05)).isZero();
	}

	@Test
	void theMinimumDetectableEffectOfTheTextbookDesignIsTenPoints() {
		assertThat(PowerCalculation.minimumDetectableEffect(388, 388, 0.5, 0.05, 0.8)).isCloseTo(0.1, within(0.001));
		assertThat(PowerCalculation.minimumDetectableEffect(0, 388, 0.5, 0.05, 0.8)).isInfinite();
		// Retention of 99 % cannot rise by enough for 10 customers a group to show it.
		assertThat(PowerCalculation.minimumDetectableEffect(10, 10, 0.99, 0.05, 0.8)).isInfinite();
	}

}
