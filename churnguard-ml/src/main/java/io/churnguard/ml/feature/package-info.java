/**
 * The feature engine: declarative feature definitions ({@link FeatureDefinition},
 * {@link FeatureSet}, bound from YAML), their words for reason codes
 * ({@link FeatureDescription}), and one point-in-time state ({@link CustomerState})
 * behind the batch runner, the incremental runner and the training-set builder, so
 * training and serving compute the same values and no feature sees an event on or after
 * its observation date.
 */
package io.churnguard.ml.feature;
