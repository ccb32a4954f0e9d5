package io.churnguard.app.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/** Running imports and reading their records. */
public interface Imports {

	/**
	 * Runs an import to the end in the calling thread.
	 * @param rejectFile where to also write the rejects as CSV, or null
	 * @return the summary; a failed import has status {@code failed} and says why in
	 * {@code error}
	 */
	ImportSummary run(ImportRequest request, Writer rejectFile);

	/**
	 * Starts an import in the background.
	 * @return the import's id, to follow its progress
	 * @throws ImportCapacityException when the server already runs as many imports as it
	 * allows
	 */
	long start(ImportRequest request);

	Optional<ImportSummary> find(long importId);

	/** The latest imports, newest first. */
	List<ImportSummary> recent(int limit);

	/** Writes an import's rejects as CSV: line, column, value, reason. */
	void writeRejects(long importId, Writer out) throws IOException;

}
