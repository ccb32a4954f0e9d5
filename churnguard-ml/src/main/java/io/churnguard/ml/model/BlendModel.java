package io.churnguard.ml.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.explain.Explanation;

/**
 * A weighted average of models on the log-odds scale. Because each member's explanation
 * adds up to its margin, the weighted explanations add up to the blend's margin.
 *
 * @param members the models
 * @param weights their weights, summing to one
 */
public record BlendModel(List<ChurnModel> members, double[] weights) implements ChurnModel {

	@Override
	public Algorithm algorithm() {
		return Algorithm.BLEND;
	}

	@Override
	@JsonIgnore
	public List<String> sources() {
		return this.members.get(0).sources();
	}

	@Override
	@JsonIgnore
	public int designColumns() {
		return this.members.stream().mapToInt(ChurnModel::designColumns).max().orElse(0);
	}

	@Override
	public double[] margins(Frame frame) {
		double[] out = new double[frame.rowCount()];
		for (int k = 0; k < this.members.size(); k++) {
			double[] m = this.members.get(k).margins(frame);
			for (int i = 0; i < out.length; i++) {
				out[i] += this.weights[k] * m[i];
			}
		}
		return out;
	}

	@Override
	public Explanation explain(Frame frame) {
		List<Explanation> parts = new ArrayList<>();
		for (ChurnModel m : this.members) {
			parts.add(m.explain(frame));
		}
		return Explanation.weighted(parts, this.weights);
	}

	@Override
	public Map<String, byte[]> files() {
		Map<String, byte[]> files = new HashMap<>();
		for (ChurnModel m : this.members) {
			files.putAll(m.files());
		}
		return files;
	}

}
