package io.churnguard.ml.uplift;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QiniTest {

	@Test
	void aSmallCampaignGivesTheHandComputedCurve() {
		// Ranked: T kept, C churned, T churned, C kept. Top 2: 1 control churner scaled
		// by
		// 1 treated / 1 control, minus 0 treated churners = 1 of 2 treated.
		double[] scores = { 0.9, 0.7, 0.5, 0.1 };
		boolean[] treated = { true, false, true, false };
		int[] churned = { 0, 1, 1, 0 };

		Qini qini = Qini.of(scores, treated, churned);

		assertThat(qini.points().get(50).share()).isEqualTo(0.5);
		assertThat(qini.points().get(50).qini()).isCloseTo(0.5, within(1e-12));
		// Overall: control churn 1/2, treated churn 1/2: no average uplift.
		assertThat(qini.averageUplift()).isZero();
		assertThat(qini.points().get(100).qini()).isZero();
		// Curve 0, 0, 0.5, 0.5, 0 at k = 0..4 (k = 1 has no control yet): trapezoids of
		// width 1/4 sum to 0.25, and the diagonal to an end at 0 adds nothing.
		assertThat(qini.qiniCoefficient()).isCloseTo(0.25, within(1e-12));
	}

	@Test
	void theTrueUpliftRanksAboveChanceAndItsReverseBelow() {
		SyntheticCampaign campaign = new SyntheticCampaign(20_000, 11);
		double[] random = new SplittableRandom(1).doubles(20_000).toArray();
		double[] reversed = campaign.trueUplift.clone();
		for (int i = 0; i < reversed.length; i++) {
			reversed[i] = -reversed[i];
		}

		Qini truth = Qini.of(campaign.trueUplift, campaign.treated, campaign.churned);
		Qini chance = Qini.of(random, campaign.treated, campaign.churned);
		Qini worst = Qini.of(reversed, campaign.treated, campaign.churned);

		assertThat(truth.qiniCoefficient()).isGreaterThan(0.02);
		assertThat(Math.abs(chance.qiniCoefficient())).isLessThan(0.3 * truth.qiniCoefficient());
		assertThat(worst.qiniCoefficient()).isLessThan(-0.02);
		assertThat(truth.auuc()).isGreaterThan(truth.randomAuuc());
		assertThat(worst.auuc()).isLessThan(worst.randomAuuc());
		// Every curve ends at the average uplift, whatever the ranking.
		assertThat(truth.points().get(100).qini()).isCloseTo(truth.averageUplift(), within(1e-12));
		assertThat(chance.points().get(100).uplift()).isCloseTo(truth.averageUplift(), within(1e-12));
	}

	@Test
	void tiedScoresCountAsOneGroup() {
		// All tied: the only points are the origin and the end, so the curve is the
		// diagonal.
		boolean[] treated = { true, false, true, false };
		Qini qini = Qini.of(new double[4], treated, new int[] { 0, 1, 1, 1 });
		assertThat(qini.qiniCoefficient()).isCloseTo(0, within(1e-12));
		assertThat(qini.points().get(50).share()).isZero();
	}

}
