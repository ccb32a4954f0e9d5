package io.churnguard.ml.model.gbdt;

import java.util.List;
import java.util.Random;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

import io.churnguard.ml.data.DesignMatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradientBoostingTest {

	@Test
	void javaScoringOfTheTreesGivesXgboostsOwnProbabilities() throws Exception {
		int[] y = new int[3000];
		DesignMatrix x = SyntheticData.matrix(3000, 8, 1, y);
		GbdtFit fit = GradientBoosting.fit(x, y, GbdtParameters.fixed(50, 4, 0.3, 1));
		Booster booster = XGBoost.loadModel(fit.models().get(0));
		DMatrix d = GradientBoosting.dmatrix(x, null);
		float[][] native_ = booster.predict(d);
		double[] java = fit.ensemble().probabilities(x);
		for (int r = 0; r < 3000; r++) {
			assertThat(java[r]).isCloseTo(native_[r][0], within(1e-6));
		}
		d.dispose();
		booster.dispose();
	}

	@Test
	void earlyStoppingKeepsFarFewerRoundsThanTheMaximumOnAWeakSignal() {
		int[] y = new int[2000];
		DesignMatrix x = SyntheticData.matrix(2000, 6, 2, y);
		GbdtParameters p = new GbdtParameters(6, 0.3, 500, 1, 1, 1, 1, 0, 10, 0.25, 0, 3, 1);
		GbdtFit fit = GradientBoosting.fit(x, y, p);
		assertThat(fit.parameters().rounds()).isLessThan(100);
		assertThat(fit.ensemble().trees()).hasSize(fit.parameters().rounds());
	}

	@Test
	void onLargeTablesTheSearchRefitsTheCheapestCandidateOfPracticallyTheBestAuc() {
		// The search of a 100,000-customer company: depth 6 won by 0.00016.
		List<GbdtFit.Trial> trials = List.of(new GbdtFit.Trial(GbdtParameters.fixed(0, 3, 0.05, 0), 0.7953, 870),
				new GbdtFit.Trial(GbdtParameters.fixed(0, 5, 0.05, 0), 0.7968, 411),
				new GbdtFit.Trial(GbdtParameters.fixed(0, 2, 0.05, 0), 0.7945, 1163),
				new GbdtFit.Trial(GbdtParameters.fixed(0, 6, 0.03, 0), 0.7969, 694));

		assertThat(GradientBoosting.cheapestOfTheBest(trials, GradientBoosting.AUC_TIE).parameters().maxDepth())
			.as("411 trees of 32 leaves against 694 of 64")
			.isEqualTo(5);
		assertThat(GradientBoosting.cheapestOfTheBest(trials, 0).parameters().maxDepth()).as("small tables: the best")
			.isEqualTo(6);
		assertThat(GradientBoosting.cheapestOfTheBest(trials, 0.01).parameters().maxDepth())
			.as("fewest leaves: 1,163 × 4 against 870 × 8")
			.isEqualTo(2);
	}

}
