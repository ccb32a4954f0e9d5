/**
 * The import benchmark: events per second from a CSV file into PostgreSQL through the
 * product's import (validation, idempotency, rejects), against a plain COPY of the same
 * rows into a bare table of the same database.
 */
package io.churnguard.bench.ingest;
