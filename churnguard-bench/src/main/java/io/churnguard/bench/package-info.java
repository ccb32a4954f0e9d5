/**
 * Benchmarks: macro benchmarks behind {@code ./churnguard bench}, each comparing
 * ChurnGuard with a reference engine in the same run where the issue asks for one, and
 * JMH benchmarks of hot loops. Benchmark-only dependencies such as DuckDB live here and
 * nowhere else.
 */
package io.churnguard.bench;
