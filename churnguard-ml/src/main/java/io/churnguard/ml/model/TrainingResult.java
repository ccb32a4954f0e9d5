package io.churnguard.ml.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.churnguard.ml.eval.CvSummary;
import io.churnguard.ml.eval.Evaluation;

/**
 * The outcome of training as the CLI prints it: one JSON object with the algorithm, the
 * number of rows and features, cross-validated and holdout measures, and notes on what
 * was decided along the way.
 *
 * @param algorithm the algorithm of the model, e.g. {@code gbdt}
 * @param rows the rows trained and validated on (with a label)
 * @param features the source columns the model reads
 * @param cv the fold-averaged measures, when cross-validated
 * @param holdout the measures on the held-out rows, when asked
 * @param label the label column
 * @param positive the label value meaning churn
 * @param positiveRate the churn rate
 * @param designColumns the number of columns after encoding
 * @param selection how {@code auto} chose, when it did
 * @param modelId the model version
 * @param droppedColumns columns not learned from: excluded, id-like or constant
 * @param notes decisions a person should know about
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "algorithm", "rows", "features", "cv", "holdout", "label", "positive", "positiveRate",
		"designColumns", "selection", "modelId", "droppedColumns", "notes" })
public record TrainingResult(String algorithm, int rows, int features, CvSummary cv, Evaluation holdout, String label,
		String positive, double positiveRate, int designColumns, Selection selection, String modelId,
		List<String> droppedColumns, List<String> notes) {

	TrainingResult withModelId(String id) {
		return new TrainingResult(this.algorithm, this.rows, this.features, this.cv, this.holdout, this.label,
				this.positive, this.positiveRate, this.designColumns, this.selection, id, this.droppedColumns,
				this.notes);
	}

	/**
	 * How {@code --algorithm auto} chose.
	 *
	 * @param chosen the algorithm chosen
	 * @param folds the folds of the comparison
	 * @param cvAuc the cross-validated AUC of every candidate
	 * @param reason the choice in words
	 */
	public record Selection(String chosen, int folds, Map<String, Double> cvAuc, String reason) {
	}

}
