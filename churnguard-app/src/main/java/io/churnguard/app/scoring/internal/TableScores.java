package io.churnguard.app.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.churnguard.app.scoring.CustomerScore;
import io.churnguard.app.scoring.ScoredCustomers;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.explain.Reason;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.feature.FeatureVector;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.Scorer;

/**
 * A scoring run's customers over the feature table they were scored from. Reasons are due
 * for the rows in the high and medium bands and explained when asked for — all at once by
 * the daily job, only those a change needs by real-time rescoring — since explaining
 * (TreeSHAP) costs far more than scoring.
 */
final class TableScores implements ScoredCustomers {

	/** Reasons per customer. */
	static final int REASONS = 3;

	private final long runId;

	private final LocalDate asOf;

	private final String modelId;

	private final FeatureTable table;

	private final List<Integer> rows;

	private final Frame frame;

	private final double[] probabilities;

	private final ModelArtifact artifact;

	private final List<Reason>[] reasons;

	/** Rows whose reasons are due but not yet explained. */
	private final BitSet unexplained;

	private final Map<String, CustomerAttributes> attributes;

	private final FeatureSet featureSet;

	TableScores(long runId, LocalDate asOf, String modelId, FeatureTable table, List<Integer> rows, Frame frame,
			double[] probabilities, ModelArtifact artifact, Map<String, CustomerAttributes> attributes,
			FeatureSet featureSet) {
		this.runId = runId;
		this.asOf = asOf;
		this.modelId = modelId;
		this.table = table;
		this.rows = rows;
		this.frame = frame;
		this.probabilities = probabilities;
		this.artifact = artifact;
		this.reasons = newReasons(probabilities.length);
		this.unexplained = new BitSet(probabilities.length);
		for (int r = 0; r < probabilities.length; r++) {
			if (!"low".equals(riskBand(r))) {
				this.unexplained.set(r);
			}
		}
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
	public boolean explained(int row) {
		return !this.unexplained.get(row);
	}

	@Override
	public void explain(int[] rows) {
		int[] picked = IntStream.of(rows).filter(this.unexplained::get).toArray();
		if (picked.length == 0) {
			return;
		}
		List<List<Reason>> found = Scorer.reasons(this.artifact, this.frame.rows(picked), REASONS,
				this.featureSet.descriptions());
		for (int i = 0; i < picked.length; i++) {
			this.reasons[picked[i]] = found.get(i);
			this.unexplained.clear(picked[i]);
		}
	}

	/** Explains every row whose reasons are due: the daily job's way. */
	void explainAll() {
		explain(this.unexplained.stream().toArray());
	}

	@Override
	public List<CustomerScore.ScoreReason> reasons(int row) {
		explain(new int[] { row });
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

	double[] probabilities() {
		return this.probabilities;
	}

	/**
	 * The reasons explained so far, by row: null for the low band and for rows not yet
	 * explained.
	 */
	List<Reason>[] rawReasons() {
		return this.reasons;
	}

	@SuppressWarnings("unchecked")
	private static List<Reason>[] newReasons(int rows) {
		return new List[rows];
	}

	/** The scored customers' frame, in the same row order. */
	Frame frame() {
		return this.frame;
	}

	/** Probability × annual value (12 × monthly fee). */
	static BigDecimal valueAtRisk(double probability, CustomerAttributes customer) {
		if (customer == null || Double.isNaN(customer.monthlyFee())) {
			return null;
		}
		return BigDecimal.valueOf(probability * customer.monthlyFee() * 12).setScale(2, RoundingMode.HALF_UP);
	}

}
