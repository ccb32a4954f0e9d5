package io.churnguard.ml.experiment;

/**
 * What a campaign did to retention: the treated and control groups' retention rates,
 * their difference (the uplift), its 95 % confidence interval and the two-sided p-value.
 *
 * <p>
 * The interval is Newcombe's hybrid score interval (method 10 of Newcombe, <i>Statistics
 * in Medicine</i> 17, 1998), built from each group's Wilson score interval: unlike the
 * Wald interval it stays inside [−1, 1] and keeps its coverage when a rate is near 0 or
 * 1, which is where retention rates live. The p-value is that of the pooled
 * two-proportion z test.
 *
 * <p>
 * Edge cases return numbers, never NaN: an empty group has rate 0; when either group is
 * empty nothing is known, so the uplift is 0, the interval [−1, 1] and the p-value 1.
 * When both groups retained everyone (or no one) the pooled variance is 0 and there is no
 * evidence of a difference: the p-value is 1, and the Wilson-based interval still has a
 * width.
 *
 * @param treated the number of treated units
 * @param treatedRetained how many of them were retained
 * @param control the number of control units
 * @param controlRetained how many of them were retained
 * @param treatedRate the treated group's retention rate
 * @param controlRate the control group's retention rate
 * @param uplift {@code treatedRate − controlRate}: positive when the action kept
 * customers
 * @param ciLow the lower end of the 95 % confidence interval of the uplift
 * @param ciHigh the upper end of the 95 % confidence interval of the uplift
 * @param pValue the two-sided p-value of no difference
 */
public record Effect(long treated, long treatedRetained, long control, long controlRetained, double treatedRate,
		double controlRate, double uplift, double ciLow, double ciHigh, double pValue) {

	private static final double Z95 = 1.959963984540054;

	/**
	 * Computes the effect from the counts.
	 * @param treated the number of treated units
	 * @param treatedRetained how many of them were retained, in [0, treated]
	 * @param control the number of control units
	 * @param controlRetained how many of them were retained, in [0, control]
	 * @return the effect
	 */
	public static Effect of(long treated, long treatedRetained, long control, long controlRetained) {
		checkCounts("treated", treated, treatedRetained);
		checkCounts("control", control, controlRetained);
		double treatedRate = rate(treatedRetained, treated);
		double controlRate = rate(controlRetained, control);
		if (treated == 0 || control == 0) {
			return new Effect(treated, treatedRetained, control, controlRetained, treatedRate, controlRate, 0, -1, 1,
					1);
		}
		double uplift = treatedRate - controlRate;
		double[] t = wilson(treatedRetained, treated);
		double[] c = wilson(controlRetained, control);
		double low = uplift - Math.hypot(treatedRate - t[0], c[1] - controlRate);
		double high = uplift + Math.hypot(t[1] - treatedRate, controlRate - c[0]);
		return new Effect(treated, treatedRetained, control, controlRetained, treatedRate, controlRate, uplift,
				Math.max(-1, low), Math.min(1, high), pValue(treated, treatedRetained, control, controlRetained));
	}

	/**
	 * Whether the interval excludes zero, i.e. the effect is significant at the 5 %
	 * level.
	 * @return true when the interval lies entirely above or below zero
	 */
	public boolean significant() {
		return this.ciLow > 0 || this.ciHigh < 0;
	}

	private static double rate(long retained, long size) {
		return (size == 0) ? 0 : (double) retained / size;
	}

	/** The Wilson score interval of one proportion, {lower, upper}. */
	private static double[] wilson(long successes, long n) {
		double p = (double) successes / n;
		double z2 = Z95 * Z95;
		double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
		double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
	}

	private static double pValue(long treated, long treatedRetained, long control, long controlRetained) {
		double pooled = (double) (treatedRetained + controlRetained) / (treated + control);
		double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / treated + 1.0 / control));
		if (se == 0) {
			return 1;
		}
		double z = (rate(treatedRetained, treated) - rate(controlRetained, control)) / se;
		return Normal.twoSidedTail(z);
	}

	private static void checkCounts(String group, long size, long retained) {
		if (size < 0 || retained < 0 || retained > size) {
			throw new IllegalArgumentException(
					group + " counts must satisfy 0 <= retained <= size: " + retained + " of " + size);
		}
	}

}
