/**
 * Data ingestion: customer and event files (CSV in UTF-8 or GBK, JSON Lines, XLSX) mapped
 * onto the archive and the event log, validated row by row. Good rows are kept, bad rows
 * go to a reject list with line, column, value and reason, re-imports add nothing, and
 * every import's summary is stored.
 */
package io.churnguard.app.ingest;
