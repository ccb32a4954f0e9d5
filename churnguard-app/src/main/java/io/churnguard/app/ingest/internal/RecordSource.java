package io.churnguard.app.ingest.internal;

import java.util.Iterator;
import java.util.List;

/** The records of a file, read one at a time so files of any size fit in memory. */
interface RecordSource extends Iterator<SourceRecord>, AutoCloseable {

	/** The column names; for JSON Lines those of the first record. */
	List<String> columns();

	/** {@code csv}, {@code jsonl} or {@code xlsx}. */
	String format();

	/** The charset read, or null for binary formats. */
	String charset();

	@Override
	void close();

}
