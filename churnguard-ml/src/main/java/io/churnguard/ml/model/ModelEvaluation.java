package io.churnguard.ml.model;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.eval.Evaluation;

/**
 * Evaluates a stored model on labelled data, the use case behind
 * {@code ./churnguard evaluate}.
 */
public final class ModelEvaluation {

	private ModelEvaluation() {
	}

	/**
	 * Evaluates a model on a frame.
	 * @param artifact the model
	 * @param frame rows with the model's input columns and the label
	 * @param label the label column
	 * @param positive the churn value, or null for the model's own
	 * @return the evaluation; print {@link Evaluation#summary()} for the CLI
	 */
	public static Evaluation evaluate(ModelArtifact artifact, Frame frame, String label, String positive) {
		Labels.Encoded labels = Labels.encode(frame.column(label), (positive != null) ? positive : artifact.positive());
		Frame labelled = (labels.missing() > 0) ? frame.rows(labels.rows()) : frame;
		return Evaluation.of(labels.y(), artifact.probabilities(labelled), artifact.threshold());
	}

}
