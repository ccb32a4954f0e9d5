package io.churnguard.ml.sim;

import java.util.Arrays;

/**
 * The area under the ROC curve by ranks (Mann-Whitney): the chance that a positive
 * outranks a negative, ties counting half. Test-local until the project's evaluation
 * module provides it.
 */
final class RankAuc {

	private RankAuc() {
	}

	static double of(double[] scores, int[] labels) {
		Integer[] order = new Integer[scores.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int t = i; t <= j; t++) {
				if (labels[order[t]] == 1) {
					rankSum += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = scores.length - positives;
		return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
	}

}
