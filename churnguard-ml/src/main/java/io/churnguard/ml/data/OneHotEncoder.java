package io.churnguard.ml.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator column per level. Levels rarer than a minimum in training are pooled into
 * "(other)", as are levels first seen at scoring time; a missing value is its own level
 * when training had any. Linear models drop a reference level (the most frequent), so
 * their coefficients read as "compared with the reference".
 *
 * @param source the source column
 * @param levels the levels with their own column, in output order
 * @param reference the reference level without a column, or null
 * @param other whether an "(other)" column follows the levels
 * @param missing whether a "(missing)" column follows
 */
public record OneHotEncoder(String source, List<String> levels, String reference, boolean other,
		boolean missing) implements Encoder {

	/** The label of pooled rare and unseen levels. */
	public static final String OTHER = "(other)";

	/** The label of missing values. */
	public static final String MISSING = "(missing)";

	@Override
	public List<String> outputs() {
		List<String> names = new ArrayList<>();
		for (String level : this.levels) {
			names.add(this.source + "=" + level);
		}
		if (this.other) {
			names.add(this.source + "=" + OTHER);
		}
		if (this.missing) {
			names.add(this.source + "=" + MISSING);
		}
		return names;
	}

	@Override
	public void encode(Column column, float[] out, int stride, int offset) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < this.levels.size(); i++) {
			index.put(this.levels.get(i), i);
		}
		int otherAt = this.other ? this.levels.size() : -1;
		int missingAt = this.missing ? this.levels.size() + (this.other ? 1 : 0) : -1;
		int width = outputs().size();
		for (int r = 0; r < column.size(); r++) {
			int base = r * stride + offset;
			for (int k = 0; k < width; k++) {
				out[base + k] = 0f;
			}
			String t = column.text(r);
			int at;
			if (t == null) {
				at = missingAt;
			}
			else if (t.equals(this.reference)) {
				at = -1;
			}
			else {
				at = index.getOrDefault(t, otherAt);
			}
			if (at >= 0) {
				out[base + at] = 1f;
			}
		}
	}

}
