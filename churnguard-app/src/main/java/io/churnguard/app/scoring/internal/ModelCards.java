package io.churnguard.app.scoring.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.model.TrainingOutcome;
import io.churnguard.ml.model.TrainingResult;

/**
 * The model card: what a model is for, what it was trained on, how well it does and what
 * to watch out for — written from the training outcome, so every registered model has
 * one.
 */
final class ModelCards {

	private ModelCards() {
	}

	static Map<String, Object> card(TrainingOutcome outcome, String source, Map<String, Object> training, String user,
			Instant at) {
		TrainingResult result = outcome.result();
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("intendedUse", "Rank active customers by their probability of churning within the label horizon, "
				+ "to raise early warnings and target retention. Not for decisions about individuals without a person "
				+ "reviewing the reasons.");
		card.put("trainedOn", source);
		card.put("trainedBy", user);
		card.put("trainedAt", at.toString());
		card.put("training", training);
		card.put("label", result.label() + " = " + result.positive());
		card.put("rows", result.rows());
		card.put("churnRate", result.positiveRate());
		card.put("algorithm", result.algorithm());
		card.put("selection", result.selection());
		card.put("crossValidation", result.cv());
		card.put("holdout", (result.holdout() != null) ? result.holdout().summary() : null);
		card.put("droppedColumns", result.droppedColumns());
		card.put("notes", result.notes());
		card.put("provenance", outcome.artifact().provenance());
		card.put("limitations", List.of(
				"Scores describe the population and period the model was trained on; retrain when the business, "
						+ "the product range or the churn rate changes.",
				"Attributes such as plan and contract end are read from the current archive, so training rows see "
						+ "today's values of them (see docs/features.md).",
				"Reasons are contributions to the model's score, not proof of cause."));
		return card;
	}

	static Double auc(TrainingResult result) {
		if (result.cv() != null) {
			return result.cv().auc();
		}
		return (result.holdout() != null) ? result.holdout().auc() : null;
	}

}
