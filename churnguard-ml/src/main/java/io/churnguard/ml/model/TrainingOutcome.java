package io.churnguard.ml.model;

import java.util.Map;

import io.churnguard.ml.eval.Evaluation;
import io.churnguard.ml.model.lr.LogisticRegressionFit;

/**
 * Everything training produced: the printed result, the artifact to save, and the full
 * evaluations behind the report.
 *
 * @param result the result as the CLI prints it
 * @param artifact the model to save and serve
 * @param outOfFold the evaluation of the chosen candidate's out-of-fold scores, or null
 * without cross-validation
 * @param holdout the full holdout evaluation, or null without a holdout
 * @param candidates the out-of-fold evaluation of every candidate compared, by algorithm
 */
public record TrainingOutcome(TrainingResult result, ModelArtifact artifact, Evaluation outOfFold, Evaluation holdout,
		Map<String, Evaluation> candidates) {

	/**
	 * The logistic regression inside the model (alone or in a blend), if any.
	 * @return its fit, or null
	 */
	public LogisticRegressionFit logisticFit() {
		ChurnModel m = this.artifact.model();
		if (m instanceof LogisticModel lr) {
			return lr.fit();
		}
		if (m instanceof BlendModel blend) {
			for (ChurnModel member : blend.members()) {
				if (member instanceof LogisticModel lr) {
					return lr.fit();
				}
			}
		}
		return null;
	}

}
