/**
 * Behavioural features from the archive: the configured feature set (YAML), the event log
 * as a point-in-time event source for the feature engine of {@code churnguard-ml}, a
 * customer's current features, and the feature catalogue page. Feature semantics live in
 * churnguard-ml alone, so training, batch scoring and real-time scoring compute the same
 * values.
 */
package io.churnguard.app.feature;
