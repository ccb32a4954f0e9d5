package io.churnguard.ml.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.explain.Explanation;

/**
 * A trained churn model: it turns the rows of a frame into margins (log-odds of churn)
 * and explains each margin as a sum of contributions of source columns.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = LogisticModel.class, name = "lr"),
		@JsonSubTypes.Type(value = BoostedModel.class, name = "gbdt"),
		@JsonSubTypes.Type(value = BlendModel.class, name = "blend") })
public sealed interface ChurnModel permits LogisticModel, BoostedModel, BlendModel {

	/** The algorithm. */
	Algorithm algorithm();

	/** The source columns the model reads, in order. */
	List<String> sources();

	/** The number of design columns (features after encoding). */
	int designColumns();

	/**
	 * The log-odds of churn of every row.
	 * @param frame rows with every source column
	 * @return the margins
	 */
	double[] margins(Frame frame);

	/**
	 * The contributions of each source column to every row's margin.
	 * @param frame rows with every source column
	 * @return the explanation
	 */
	Explanation explain(Frame frame);

	/** Binary files the model is stored with, by file name (XGBoost boosters). */
	Map<String, byte[]> files();

}
