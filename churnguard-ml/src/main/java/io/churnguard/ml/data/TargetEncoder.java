package io.churnguard.ml.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces a level of a many-levelled column by the smoothed log-odds of churn among
 * training rows with that level (and optionally by the level's frequency). In training
 * the encoding of each row is computed out of fold, without the row's own label, so that
 * the model cannot learn the label through its own encoding.
 *
 * @param source the source column
 * @param logOdds the smoothed log-odds per level
 * @param prior the log-odds of churn over all training rows, used for unseen levels
 * @param frequency the share of training rows per level, or null when not wanted
 */
public record TargetEncoder(String source, Map<String, Double> logOdds, double prior,
		Map<String, Double> frequency) implements Encoder {

	@Override
	public List<String> outputs() {
		List<String> names = new ArrayList<>();
		names.add(this.source + " (churn rate)");
		if (this.frequency != null) {
			names.add(this.source + " (frequency)");
		}
		return names;
	}

	@Override
	public void encode(Column column, float[] out, int stride, int offset) {
		for (int r = 0; r < column.size(); r++) {
			String t = column.text(r);
			double v = (t == null) ? this.prior : this.logOdds.getOrDefault(t, this.prior);
			out[r * stride + offset] = (float) v;
			if (this.frequency != null) {
				out[r * stride + offset + 1] = (float) ((t == null) ? 0.0 : this.frequency.getOrDefault(t, 0.0));
			}
		}
	}

}
