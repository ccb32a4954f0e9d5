package io.churnguard.app.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.TrainingOutcome;

/** The registry of churn models. Every change is audited. */
public interface ModelRegistry {

	/**
	 * Registers a trained model as a candidate (or as champion when there is none yet).
	 * @param outcome the training outcome: result, artifact, evaluations
	 * @param source what it was trained on
	 * @param training how it was trained (churn definition, observation schedule …), for
	 * the model card
	 * @param user who trained it
	 * @return the new version
	 */
	ModelVersion register(TrainingOutcome outcome, String source, Map<String, Object> training, String user);

	List<ModelVersion> list();

	Optional<ModelVersion> find(String id);

	Optional<ModelVersion> champion();

	/** The model itself, loaded from the registry's files (cached). */
	ModelArtifact artifact(String id);

	/** Makes a model the champion; the previous champion becomes a challenger. */
	ModelVersion promote(String id, String user);

	/** Makes the previous champion the champion again. */
	ModelVersion rollback(String user);

}
