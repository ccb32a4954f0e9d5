package io.churnguard.ml.experiment;

/**
 * Sizes a campaign's control group with the power of the two-sided two-proportion z test.
 *
 * <p>
 * With {@code c} customers held out and {@code t} treated, baseline retention {@code p0}
 * (the control group's), treated retention {@code p1 = p0 + δ} and the pooled rate
 * {@code p̄ = (t·p1 + c·p0) / (t + c)}, the test at level α has power 1 − β when
 *
 * <pre>
 *   z(1−α/2) · √(p̄(1−p̄)(1/t + 1/c)) + z(1−β) · √(p0(1−p0)/c + p1(1−p1)/t)  ≤  |δ|
 * </pre>
 *
 * (Fleiss, Levin and Paik, <i>Statistical Methods for Rates and Proportions</i>, 3rd ed.,
 * formula 4.14 without the continuity correction, written for unequal groups). For equal
 * groups it gives the textbook figure: 388 a group to tell 50 % from 60 % with 80 % power
 * at α = 0.05.
 */
public final class PowerCalculation {

	/**
	 * Guards {@code ceil(minShare · n)} against products such as 0.05 × 100 =
	 * 5.000000000000001.
	 */
	private static final double ROUNDING_SLACK = 1e-9;

	private PowerCalculation() {
	}

	/**
	 * The number of units to hold out of a target list, the rest being treated.
	 *
	 * <p>
	 * The smallest control group that gives the requested power, bounded below by
	 * {@code ceil(minShare · targetSize)} (a hold-out is kept even when the effect is
	 * large, so that every campaign stays measured) and above by half the list (beyond
	 * that the treated group, not the control, limits the power, and the campaign would
	 * treat a minority). When no split of the list reaches the power — including an
	 * expected uplift of zero — the answer is half the list, the most informative split.
	 * @param targetSize the number of units on the target list
	 * @param baselineRetention the retention rate expected without the action, in [0, 1]
	 * @param expectedUplift the expected increase of the retention rate (negative for a
	 * harm; the treated rate is clamped to [0, 1])
	 * @param alpha the two-sided significance level, in (0, 1)
	 * @param power the requested power, in (0, 1)
	 * @param minShare the least share held out, in [0, 0.5]
	 * @return the control group size, between the bounds above
	 */
	public static int controlSize(int targetSize, double baselineRetention, double expectedUplift, double alpha,
			double power, double minShare) {
		if (targetSize < 0) {
			throw new IllegalArgumentException("targetSize must not be negative: " + targetSize);
		}
		checkRate("baselineRetention", baselineRetention);
		checkOpenUnit("alpha", alpha);
		checkOpenUnit("power", power);
		if (!(minShare >= 0 && minShare <= 0.5)) {
			throw new IllegalArgumentException("minShare must be in [0, 0.5]: " + minShare);
		}
		int most = targetSize / 2;
		int least = Math.min(most, (int) Math.ceil(minShare * targetSize - ROUNDING_SLACK));
		double treatedRate = clampRate(baselineRetention + expectedUplift);
		double delta = Math.abs(treatedRate - baselineRetention);
		double zAlpha = Normal.quantile(1 - alpha / 2);
		double zBeta = Normal.quantile(power);
		for (int control = Math.max(least, 1); control <= most; control++) {
			if (detects(targetSize - control, control, baselineRetention, treatedRate, delta, zAlpha, zBeta)) {
				return Math.max(control, least);
			}
		}
		return most;
	}

	/**
	 * The smallest increase of the retention rate that the groups detect with the given
	 * power.
	 * @param treated the number of treated units
	 * @param control the number of control units
	 * @param baselineRetention the control group's expected retention rate, in [0, 1]
	 * @param alpha the two-sided significance level, in (0, 1)
	 * @param power the requested power, in (0, 1)
	 * @return the minimum detectable uplift of the retention rate, or positive infinity
	 * when a group is empty or not even a rise to 100 % retention would be detected
	 */
	public static double minimumDetectableEffect(int treated, int control, double baselineRetention, double alpha,
			double power) {
		checkRate("baselineRetention", baselineRetention);
		checkOpenUnit("alpha", alpha);
		checkOpenUnit("power", power);
		double zAlpha = Normal.quantile(1 - alpha / 2);
		double zBeta = Normal.quantile(power);
		double room = 1 - baselineRetention;
		if (treated <= 0 || control <= 0 || !detects(treated, control, baselineRetention, 1.0, room, zAlpha, zBeta)) {
			return Double.POSITIVE_INFINITY;
		}
		double low = 0;
		double high = room;
		// 60 halvings take the bracket below 1e-18: far finer than any rate is known.
		for (int i = 0; i < 60; i++) {
			double mid = (low + high) / 2;
			if (detects(treated, control, baselineRetention, baselineRetention + mid, mid, zAlpha, zBeta)) {
				high = mid;
			}
			else {
				low = mid;
			}
		}
		return high;
	}

	private static boolean detects(int treated, int control, double p0, double p1, double delta, double zAlpha,
			double zBeta) {
		if (treated <= 0 || control <= 0 || delta <= 0) {
			return false;
		}
		double pooled = (treated * p1 + control * p0) / (treated + control);
		double underNull = Math.sqrt(pooled * (1 - pooled) * (1.0 / treated + 1.0 / control));
		double alternative = Math.sqrt(p0 * (1 - p0) / control + p1 * (1 - p1) / treated);
		return zAlpha * underNull + zBeta * alternative <= delta;
	}

	private static double clampRate(double rate) {
		return Math.max(0, Math.min(1, rate));
	}

	private static void checkRate(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
		}
	}

	private static void checkOpenUnit(String name, double value) {
		if (!(value > 0 && value < 1)) {
			throw new IllegalArgumentException(name + " must be in (0, 1): " + value);
		}
	}

}
