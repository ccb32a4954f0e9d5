package io.churnguard.app.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What an import did; the CLI prints it as JSON and the console shows it.
 *
 * @param importId the import's id; its rejects are at
 * {@code /api/v1/imports/{id}/rejects}
 * @param kind customers or events
 * @param file the file name
 * @param format csv, jsonl or xlsx
 * @param charset the charset read (declared or detected)
 * @param status running, completed, failed or interrupted
 * @param user who imported
 * @param startedAt when it started
 * @param rowsRead data rows read
 * @param accepted rows new to the archive or log
 * @param updated known customers whose fields changed
 * @param duplicates rows already on record (or repeated in the file)
 * @param rejected rows refused, with their reasons in the reject list
 * @param unknownCustomers events refused because their customer is not in the archive
 * @param elapsedMs time taken
 * @param rowsPerSecond rows read per second
 * @param notes facts worth knowing, e.g. columns that were ignored
 * @param error why a failed import failed
 */
public record ImportSummary(long importId, String kind, String file, String format, String charset, String status,
		String user, Instant startedAt, long rowsRead, long accepted, long updated, long duplicates, long rejected,
		long unknownCustomers, long elapsedMs, long rowsPerSecond, List<String> notes, String error) {
}
