package io.churnguard.ml.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.churnguard.ml.data.Cells;
import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.ColumnType;
import io.churnguard.ml.data.NumericColumn;

/**
 * Turns a label column into 0/1 outcomes. The positive (churn) value is given, or else
 * inferred: the true value of a boolean, 1 of a 0/1 column, a level that reads as churn
 * (yes, true, churned, 流失, 是 …), or the rarer of two levels.
 */
public final class Labels {

	private static final Set<String> CHURN_WORDS = Set.of("1", "yes", "y", "true", "t", "churn", "churned", "lost",
			"left", "exited", "流失", "是", "已流失");

	private Labels() {
	}

	/**
	 * Encodes a label column.
	 * @param column the label column
	 * @param positive the text of the churn value, or null to infer it
	 * @return the outcomes of the rows that have a label
	 */
	public static Encoded encode(Column column, String positive) {
		if (column instanceof NumericColumn num) {
			String wanted = (positive != null) ? positive : (num.type() == ColumnType.BOOLEAN) ? num.trueLabel() : "1";
			Encoded fast = encodeNumber(num, wanted);
			if (fast != null) {
				return fast;
			}
		}
		int n = column.size();
		List<String> distinct = new ArrayList<>();
		Map<String, Integer> counts = new HashMap<>();
		for (int r = 0; r < n; r++) {
			String t = column.text(r);
			if (t != null && counts.merge(t, 1, Integer::sum) == 1) {
				distinct.add(t);
			}
		}
		String chosen = (positive != null) ? match(column, positive, distinct) : infer(column, distinct, counts);
		List<Integer> rows = new ArrayList<>();
		List<Integer> ys = new ArrayList<>();
		for (int r = 0; r < n; r++) {
			String t = column.text(r);
			if (t == null) {
				continue;
			}
			rows.add(r);
			ys.add(t.equals(chosen) ? 1 : 0);
		}
		int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
		int positives = 0;
		for (int v : y) {
			positives += v;
		}
		if (positives == 0 || positives == y.length) {
			throw new IllegalArgumentException(
					"The label '" + column.name() + "' has " + ((positives == 0) ? "no" : "only")
							+ " rows with the churn value '" + chosen + "'; values are " + distinct);
		}
		return new Encoded(y, rows.stream().mapToInt(Integer::intValue).toArray(), chosen, n - rows.size());
	}

	/**
	 * Large numeric labels without text round trips: the positive value is parsed once
	 * and compared as a number.
	 */
	private static Encoded encodeNumber(NumericColumn num, String positive) {
		double p = (num.type() == ColumnType.BOOLEAN) ? Cells.parseBoolean(positive) : Cells.parseNumber(positive);
		if (num.type() == ColumnType.BOOLEAN && positive.strip().equalsIgnoreCase(num.trueLabel())) {
			p = 1;
		}
		else if (num.type() == ColumnType.BOOLEAN && positive.strip().equalsIgnoreCase(num.falseLabel())) {
			p = 0;
		}
		if (Double.isNaN(p) || num.type() == ColumnType.DATE) {
			return null;
		}
		double[] v = num.values();
		int present = 0;
		int positives = 0;
		for (double x : v) {
			if (!Double.isNaN(x)) {
				present++;
				positives += (x == p) ? 1 : 0;
			}
		}
		if (positives == 0 || positives == present) {
			return null;
		}
		int[] y = new int[present];
		int[] rows = new int[present];
		int k = 0;
		for (int r = 0; r < v.length; r++) {
			if (!Double.isNaN(v[r])) {
				rows[k] = r;
				y[k++] = (v[r] == p) ? 1 : 0;
			}
		}
		String text = null;
		for (int r = 0; r < v.length && text == null; r++) {
			if (v[r] == p) {
				text = num.text(r);
			}
		}
		return new Encoded(y, rows, text, v.length - present);
	}

	private static String match(Column column, String positive, List<String> distinct) {
		String p = positive.strip();
		for (String d : distinct) {
			if (d.equals(p)) {
				return d;
			}
		}
		for (String d : distinct) {
			if (d.equalsIgnoreCase(p)) {
				return d;
			}
		}
		if (column instanceof NumericColumn num) {
			double v = (num.type() == ColumnType.BOOLEAN) ? Cells.parseBoolean(p) : Cells.parseNumber(p);
			if (num.type() == ColumnType.BOOLEAN && Double.isNaN(v)) {
				v = Cells.parseNumber(p);
			}
			for (int r = 0; r < num.size(); r++) {
				if (num.get(r) == v) {
					return num.text(r);
				}
			}
		}
		throw new IllegalArgumentException(
				"The label '" + column.name() + "' has no value '" + positive + "'; values are " + distinct);
	}

	private static String infer(Column column, List<String> distinct, Map<String, Integer> counts) {
		if (column instanceof NumericColumn num && num.type() == ColumnType.BOOLEAN) {
			return num.trueLabel();
		}
		for (String d : distinct) {
			if (CHURN_WORDS.contains(d.toLowerCase(Locale.ROOT))) {
				return d;
			}
		}
		if (distinct.size() == 2) {
			String a = distinct.get(0);
			String b = distinct.get(1);
			return (counts.get(a) <= counts.get(b)) ? a : b;
		}
		throw new IllegalArgumentException("Cannot tell which value of '" + column.name() + "' means churn among "
				+ distinct.subList(0, Math.min(10, distinct.size())) + ": give --positive");
	}

	/**
	 * Encoded outcomes.
	 *
	 * @param y 1 for churn, one per labelled row
	 * @param rows the indices of the labelled rows in the column
	 * @param positive the text of the churn value
	 * @param missing the number of rows without a label
	 */
	public record Encoded(int[] y, int[] rows, String positive, int missing) {
	}

}
