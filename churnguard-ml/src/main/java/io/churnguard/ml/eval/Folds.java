package io.churnguard.ml.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified splits: every fold, and both sides of a holdout split, keep the churn rate
 * of the whole, which matters when churners are rare.
 */
public final class Folds {

	private Folds() {
	}

	/**
	 * Assigns every row to one of k folds, stratified by label.
	 * @param y the labels
	 * @param k the number of folds
	 * @param seed the seed
	 * @return the fold of every row, 0 to k-1
	 */
	public static int[] stratified(int[] y, int k, long seed) {
		int n = y.length;
		int[] fold = new int[n];
		SplittableRandom random = new SplittableRandom(seed);
		for (int label = 0; label <= 1; label++) {
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				if (y[i] == label) {
					rows.add(i);
				}
			}
			for (int i = rows.size() - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				Integer t = rows.get(i);
				rows.set(i, rows.get(j));
				rows.set(j, t);
			}
			for (int i = 0; i < rows.size(); i++) {
				fold[rows.get(i)] = i % k;
			}
		}
		return fold;
	}

	/**
	 * A stratified holdout split.
	 * @param y the labels
	 * @param fraction the share of rows held out, between 0 and 1
	 * @param seed the seed
	 * @return the training and the held-out rows
	 */
	public static Split holdout(int[] y, double fraction, long seed) {
		if (!(fraction > 0 && fraction < 1)) {
			throw new IllegalArgumentException("The holdout fraction must be between 0 and 1, was " + fraction);
		}
		SplittableRandom random = new SplittableRandom(seed);
		List<Integer> train = new ArrayList<>();
		List<Integer> test = new ArrayList<>();
		for (int label = 0; label <= 1; label++) {
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; i < y.length; i++) {
				if (y[i] == label) {
					rows.add(i);
				}
			}
			for (int i = rows.size() - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				Integer t = rows.get(i);
				rows.set(i, rows.get(j));
				rows.set(j, t);
			}
			int held = (int) Math.round(rows.size() * fraction);
			test.addAll(rows.subList(0, held));
			train.addAll(rows.subList(held, rows.size()));
		}
		return new Split(sorted(train), sorted(test));
	}

	/**
	 * The rows of one fold and of all others.
	 * @param fold the fold of every row
	 * @param k the fold wanted
	 * @return training rows (other folds) and test rows (this fold)
	 */
	public static Split of(int[] fold, int k) {
		List<Integer> train = new ArrayList<>();
		List<Integer> test = new ArrayList<>();
		for (int i = 0; i < fold.length; i++) {
			((fold[i] == k) ? test : train).add(i);
		}
		return new Split(sorted(train), sorted(test));
	}

	private static int[] sorted(List<Integer> rows) {
		return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
	}

	/**
	 * Training and test rows.
	 *
	 * @param train the training rows
	 * @param test the test rows
	 */
	public record Split(int[] train, int[] test) {
	}

}
