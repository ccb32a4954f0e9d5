package io.churnguard.app.ingest.internal;

import java.util.Map;

/**
 * One record of a source file.
 *
 * @param line the line number where it starts (the header is line 1), or the row number
 * in a spreadsheet, as a user finds it in an editor
 * @param values cell values by column name, as written in the file
 */
record SourceRecord(long line, Map<String, String> values) {
}
