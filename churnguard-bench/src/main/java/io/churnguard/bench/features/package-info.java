/**
 * {@code ./churnguard bench features}: the feature engine's batch throughput over
 * simulated events against the same features in DuckDB SQL, with a check that both
 * computed the same values.
 */
package io.churnguard.bench.features;
