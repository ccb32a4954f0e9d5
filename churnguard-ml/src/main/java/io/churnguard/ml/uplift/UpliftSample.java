package io.churnguard.ml.uplift;

import java.util.Objects;

import io.churnguard.ml.data.Frame;

/**
 * The customers of a randomized campaign as a learner sees them: their features as of the
 * treatment date, whether they were treated, and whether they churned within the horizon.
 *
 * @param features the features, one row per customer (no id, treatment or outcome column)
 * @param treated true for the treated rows, false for the control rows
 * @param churned 1 when the customer churned within the horizon, else 0
 */
public record UpliftSample(Frame features, boolean[] treated, int[] churned) {

	/**
	 * Checks that the arrays match the frame and both groups are present.
	 * @param features the features
	 * @param treated the treatment indicators
	 * @param churned the outcomes
	 */
	public UpliftSample {
		Objects.requireNonNull(features, "features");
		if (treated.length != features.rowCount() || churned.length != features.rowCount()) {
			throw new IllegalArgumentException("treated and churned must have one entry per row of the features");
		}
		int treatedCount = count(treated);
		if (treatedCount == 0 || treatedCount == treated.length) {
			throw new IllegalArgumentException("an uplift sample needs treated and control rows");
		}
		for (int y : churned) {
			if (y != 0 && y != 1) {
				throw new IllegalArgumentException("churned must be 0 or 1: " + y);
			}
		}
	}

	/** The number of rows. */
	public int size() {
		return this.churned.length;
	}

	/**
	 * The treated share: with randomized assignment, every customer's propensity to be
	 * treated.
	 * @return treated rows / all rows
	 */
	public double treatedShare() {
		return (double) count(this.treated) / this.treated.length;
	}

	/**
	 * The sample of some rows.
	 * @param rows the row indices
	 * @return the rows' sample
	 */
	public UpliftSample rows(int[] rows) {
		boolean[] t = new boolean[rows.length];
		int[] y = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			t[i] = this.treated[rows[i]];
			y[i] = this.churned[rows[i]];
		}
		return new UpliftSample(this.features.rows(rows), t, y);
	}

	int[] rowsWhere(boolean wanted) {
		return java.util.stream.IntStream.range(0, this.treated.length)
			.filter((i) -> this.treated[i] == wanted)
			.toArray();
	}

	private static int count(boolean[] values) {
		int n = 0;
		for (boolean v : values) {
			n += v ? 1 : 0;
		}
		return n;
	}

}
