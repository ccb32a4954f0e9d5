/**
 * The event log's implementation: monthly partitions created on demand, COPY-based
 * loading with idempotent inserts, timeline queries, and the ingest API.
 */
package io.churnguard.app.event.internal;
