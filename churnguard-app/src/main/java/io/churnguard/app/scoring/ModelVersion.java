package io.churnguard.app.scoring;

import java.time.Instant;

/**
 * A registered model.
 *
 * @param id the model's id (its artifact's model id)
 * @param version the registry's running number
 * @param name a name for people, e.g. "churn model v3 (gbdt)"
 * @param algorithm lr, gbdt or blend
 * @param status candidate, champion, challenger or retired
 * @param source what it was trained on: {@code archive} or a file name
 * @param rows training rows
 * @param features source features
 * @param auc the cross-validated AUC (or holdout AUC), when measured
 * @param createdAt when it was trained
 * @param createdBy who trained it
 * @param promotedAt when it last became champion
 */
public record ModelVersion(String id, int version, String name, String algorithm, String status, String source,
		int rows, int features, Double auc, Instant createdAt, String createdBy, Instant promotedAt) {

	public boolean isChampion() {
		return "champion".equals(this.status);
	}

}
