package io.churnguard.app.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.churnguard.ml.feature.FeatureVector;

/**
 * The customers a scoring run (or a real-time rescore) has just scored, with the features
 * the scores were computed from — so warning rules read the same values the model saw.
 */
public interface ScoredCustomers {

	/** The scoring run, or 0 for a real-time rescore. */
	long runId();

	LocalDate asOf();

	String modelId();

	int size();

	String customerId(int row);

	double probability(int row);

	String riskBand(int row);

	/** Probability × annual value, or null when the customer's fee is unknown. */
	BigDecimal valueAtRisk(int row);

	/**
	 * The reasons, for customers in the high and medium bands; empty otherwise. Explains
	 * the row now if it was not yet: {@link #explain} does many at once.
	 */
	List<CustomerScore.ScoreReason> reasons(int row);

	/**
	 * Whether the row's reasons are at hand (explained, or none due in the low band). A
	 * daily run explains every row; real-time rescoring only the rows whose reasons a
	 * change calls for, since explaining costs far more than scoring.
	 */
	boolean explained(int row);

	/**
	 * Explains, in one pass, those of these rows whose reasons are due and not yet
	 * explained.
	 * @param rows row indexes
	 */
	void explain(int[] rows);

	FeatureVector features(int row);

}
