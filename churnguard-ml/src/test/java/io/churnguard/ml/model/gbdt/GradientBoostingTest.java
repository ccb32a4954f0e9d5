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

}
