/**
 * Ingestion's implementation: record sources for CSV, JSON Lines and XLSX with charset
 * detection, YAML column mappings, the batch loop that validates, loads and records
 * rejects, and the console, API and tracking of import runs.
 */
package io.churnguard.app.ingest.internal;
