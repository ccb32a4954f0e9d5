package io.churnguard.ml.model;

/**
 * The global importance of a source column: its share of the mean absolute contribution
 * to the log-odds over training rows.
 *
 * @param feature the source column
 * @param share its share, all shares summing to one
 */
public record FeatureImportance(String feature, double share) {
}
