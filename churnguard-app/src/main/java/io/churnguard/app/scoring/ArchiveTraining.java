package io.churnguard.app.scoring;

/**
 * Training a churn model from the archive's events with the feature engine's training-set
 * builder.
 */
public interface ArchiveTraining {

	/**
	 * Builds the training set, trains, and registers the model (as champion when there is
	 * none).
	 * @return the registered model and what training printed
	 */
	Trained train(ArchiveTrainingRequest request);

	/**
	 * @param model the registered model
	 * @param result the training result as the CLI prints it
	 * @param trainingRows rows of the training set
	 * @param elapsedMs time to build the training set and train
	 */
	record Trained(ModelVersion model, Object result, int trainingRows, long elapsedMs) {
	}

}
