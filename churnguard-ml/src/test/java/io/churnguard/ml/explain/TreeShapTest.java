package io.churnguard.ml.explain;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.model.gbdt.GbdtFit;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.model.gbdt.GradientBoosting;
import io.churnguard.ml.model.gbdt.SyntheticData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TreeShapTest {

	@ParameterizedTest(name = "{0} features, depth {1}")
	@CsvSource({ "7, 6", "3, 9", "12, 10", "4, 1", "5, 2", "6, 3", "8, 4", "10, 5", "11, 7", "9, 8" })
	void treeShapValuesEqualXgboostsOwnContributionsWithMissingValuesAndDeepTrees(int features, int depth)
			throws Exception {
		int[] y = new int[1000];
		DesignMatrix x = SyntheticData.matrix(1000, features, 4, y);
		GbdtFit fit = GradientBoosting.fit(x, y, GbdtParameters.fixed(30, depth, 0.3, 1));
		TreeShap shap = new TreeShap(fit.ensemble());
		double[] ours = shap.explain(x);
		Booster booster = XGBoost.loadModel(fit.models().get(0));
		DMatrix d = GradientBoosting.dmatrix(x, null);
		float[][] theirs = booster.predictContrib(d, 0);
		int width = x.columns() + 1;
		for (int r = 0; r < x.rows(); r++) {
			double sum = 0;
			for (int j = 0; j < width; j++) {
				assertThat(ours[r * width + j]).as("row %d feature %d", r, j).isCloseTo(theirs[r][j], within(1e-4));
				sum += ours[r * width + j];
			}
			assertThat(sum).isCloseTo(fit.ensemble().margin(x.data(), r * x.columns()), within(1e-6));
		}
		d.dispose();
		booster.dispose();
	}

}
