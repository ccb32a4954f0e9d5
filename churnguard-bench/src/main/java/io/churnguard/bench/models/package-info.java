/**
 * The {@code models} benchmark: ChurnGuard's gradient boosting training against plain
 * XGBoost4J with the same parameters in the same run, batch scoring throughput, and
 * reason-code (TreeSHAP) throughput and exactness against XGBoost's own contributions.
 */
package io.churnguard.bench.models;
