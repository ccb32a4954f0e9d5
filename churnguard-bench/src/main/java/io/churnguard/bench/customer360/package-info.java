/**
 * The customer 360 benchmark: latency of {@code GET /api/v1/customers/{id}} for random
 * customers of a large archive, measured from a separate process on loopback.
 */
package io.churnguard.bench.customer360;
