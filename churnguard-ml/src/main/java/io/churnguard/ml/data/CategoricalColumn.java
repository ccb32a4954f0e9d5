package io.churnguard.ml.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column of labels, stored as integer codes into a list of levels; code {@code -1} is
 * missing.
 */
public final class CategoricalColumn implements Column {

	private final String name;

	private final int[] codes;

	private final List<String> levels;

	/**
	 * A categorical column from codes and levels.
	 * @param name the name
	 * @param codes indices into levels, -1 for missing; not copied
	 * @param levels the distinct labels
	 */
	public CategoricalColumn(String name, int[] codes, List<String> levels) {
		this.name = Objects.requireNonNull(name, "name");
		this.codes = codes;
		this.levels = List.copyOf(levels);
	}

	/**
	 * A categorical column from labels; null is missing.
	 * @param name the name
	 * @param values the labels
	 * @return the column
	 */
	public static CategoricalColumn of(String name, String... values) {
		Map<String, Integer> index = new HashMap<>();
		List<String> levels = new ArrayList<>();
		int[] codes = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			String v = values[i];
			if (v == null) {
				codes[i] = -1;
				continue;
			}
			codes[i] = index.computeIfAbsent(v, (k) -> {
				levels.add(k);
				return levels.size() - 1;
			});
		}
		return new CategoricalColumn(name, codes, levels);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public ColumnType type() {
		return ColumnType.CATEGORICAL;
	}

	@Override
	public int size() {
		return this.codes.length;
	}

	/**
	 * The code of a row.
	 * @param row the row index
	 * @return an index into {@link #levels()}, -1 when missing
	 */
	public int code(int row) {
		return this.codes[row];
	}

	/** The distinct labels, in order of first appearance. */
	public List<String> levels() {
		return this.levels;
	}

	@Override
	public boolean isMissing(int row) {
		return this.codes[row] < 0;
	}

	@Override
	public String text(int row) {
		int c = this.codes[row];
		return (c < 0) ? null : this.levels.get(c);
	}

	@Override
	public CategoricalColumn select(int[] rows) {
		int[] out = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			out[i] = this.codes[rows[i]];
		}
		return new CategoricalColumn(this.name, out, this.levels);
	}

	@Override
	public CategoricalColumn rename(String newName) {
		return new CategoricalColumn(newName, this.codes, this.levels);
	}

}
