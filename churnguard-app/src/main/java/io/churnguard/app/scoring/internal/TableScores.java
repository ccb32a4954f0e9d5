package io.churnguard.app.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.churnguard.app.scoring.CustomerScore;
import io.churnguard.app.scoring.ScoredCustomers;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.explain.Reason;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.feature.FeatureVector;
import io.churnguard.ml.model.ModelArtifact;

/** A scoring run's customers over the feature table they were scored from. */
final class TableScores implements ScoredCustomers {

	private final long runId;

	private final LocalDate asOf;

	private final String modelId;

	private final FeatureTable table;

	private final List<Integer> rows;

	private final double[] probabilities;

	private final ModelArtifact artifact;

	private final List<Reason>[] reasons;

	private final Map<String, CustomerAttributes> attributes;

	private final FeatureSet featureSet;

	TableScores(long runId, LocalDate asOf, String modelId, FeatureTable table, List<Integer> rows,
			double[] probabilities, ModelArtifact artifact, List<Reason>[] reasons,
			Map<String, CustomerAttributes> attributes, FeatureSet featureSet) {
		this.runId = runId;
		this.asOf = asOf;
		this.modelId = modelId;
		this.table = table;
		this.rows = rows;
		this.probabilities = probabilities;
		this.artifact = artifact;
		this.reasons = reasons;
		this.attributes = attributes;
		this.featureSet = featureSet;
	}

	@Override
	public long runId() {
		return this.runId;
	}

	@Override
	public LocalDate asOf() {
		return this.asOf;
	}

	@Override
	public String modelId() {
		return this.modelId;
	}

	@Override
	public int size() {
		return this.probabilities.length;
	}

	@Override
	public String customerId(int row) {
		return this.table.customerId(this.rows.get(row));
	}

	@Override
	public double probability(int row) {
		return this.probabilities[row];
	}

	@Override
	public String riskBand(int row) {
		return this.artifact.riskBands().band(this.probabilities[row]);
	}

	@Override
	public BigDecimal valueAtRisk(int row) {
		return valueAtRisk(this.probabilities[row], this.attributes.get(customerId(row)));
	}

	@Override
	public List<CustomerScore.ScoreReason> reasons(int row) {
		List<Reason> list = this.reasons[row];
		if (list == null) {
			return List.of();
		}
		return list.stream()
			.map(r -> new CustomerScore.ScoreReason(r.feature(), r.contribution(), r.zh(), r.en()))
			.toList();
	}

	@Override
	public FeatureVector features(int row) {
		int r = this.rows.get(row);
		List<String> numeric = this.featureSet.numericNames();
		List<String> categorical = this.featureSet.categoricalNames();
		double[] values = new double[numeric.size()];
		for (int c = 0; c < values.length; c++) {
			values[c] = this.table.value(r, c);
		}
		String[] categories = new String[categorical.size()];
		for (int c = 0; c < categories.length; c++) {
			categories[c] = this.table.category(r, c);
		}
		return new FeatureVector(this.featureSet, values, categories);
	}

	/** Probability × annual value (12 × monthly fee). */
	static BigDecimal valueAtRisk(double probability, CustomerAttributes customer) {
		if (customer == null || Double.isNaN(customer.monthlyFee())) {
			return null;
		}
		return BigDecimal.valueOf(probability * customer.monthlyFee() * 12).setScale(2, RoundingMode.HALF_UP);
	}

}
