package io.churnguard.ml.model.gbdt;

import java.util.List;
import java.util.Random;

import io.churnguard.ml.data.DesignMatrix;

/** Design matrices with a known signal, a threshold effect and 5 % missing values. */
public final class SyntheticData {

	private SyntheticData() {
	}

	/**
	 * A random matrix and its labels.
	 * @param n rows
	 * @param p columns
	 * @param seed the seed
	 * @param y receives the labels
	 * @return the matrix
	 */
	public static DesignMatrix matrix(int n, int p, long seed, int[] y) {
		Random random = new Random(seed);
		float[] data = new float[n * p];
		for (int r = 0; r < n; r++) {
			double eta = -0.5;
			for (int j = 0; j < p; j++) {
				float v = (random.nextDouble() < 0.05) ? Float.NaN : (float) random.nextGaussian();
				data[r * p + j] = v;
				if (!Float.isNaN(v) && j < 4) {
					eta += (j % 2 == 0 ? 1 : -1) * v + ((j == 0 && v > 1) ? 1.5 : 0);
				}
			}
			y[r] = (random.nextDouble() < 1 / (1 + Math.exp(-eta))) ? 1 : 0;
		}
		List<String> names = new java.util.ArrayList<>();
		int[] sourceOf = new int[p];
		for (int j = 0; j < p; j++) {
			names.add("f" + j);
			sourceOf[j] = j;
		}
		return new DesignMatrix(n, names, sourceOf, names, data);
	}

}
