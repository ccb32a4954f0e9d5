/**
 * What the benchmarks of the whole application share: the server jar started as a child
 * process on a temporary workspace and a loopback port, its CLI run as subprocesses, an
 * API client with a token, a simulated company loaded through the product's own import,
 * and the statistics (percentiles, open-loop pacing) the figures are computed with.
 */
package io.churnguard.bench.app;
