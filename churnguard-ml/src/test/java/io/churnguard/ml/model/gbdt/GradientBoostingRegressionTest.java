package io.churnguard.ml.model.gbdt;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.churnguard.ml.data.DesignMatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradientBoostingRegressionTest {

	@Test
	void aRegressorPredictsOnTheTargetsScaleNotOnLogOdds() {
		// y = 10 + 3·[x0 > 0.5] + noise: far from the (0, 1) range of a classifier's base
		// score.
		int n = 2000;
		Random random = new Random(4);
		float[] data = new float[n * 2];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			data[2 * i] = random.nextFloat();
			data[2 * i + 1] = random.nextFloat();
			y[i] = 10 + ((data[2 * i] > 0.5f) ? 3 : 0) + 0.1 * random.nextGaussian();
		}
		DesignMatrix x = new DesignMatrix(n, List.of("x0", "x1"), new int[] { 0, 1 }, List.of("x0", "x1"), data);

		TreeEnsemble ensemble = GradientBoosting.regress(x, y, GbdtParameters.fixed(100, 2, 0.3, 1).withBags(2));

		double[] predicted = ensemble.margins(x);
		for (int i = 0; i < n; i += 97) {
			assertThat(predicted[i]).isCloseTo((data[2 * i] > 0.5f) ? 13 : 10, within(0.15));
		}
	}

}
