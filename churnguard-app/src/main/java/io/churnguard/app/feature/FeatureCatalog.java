package io.churnguard.app.feature;

import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;

/**
 * The feature set in force: the defaults, or the YAML file named by
 * {@code churnguard.features.definitions}.
 */
public interface FeatureCatalog {

	FeatureSet featureSet();

	/** The compiled set, shared by every runner. */
	FeaturePlan plan();

}
