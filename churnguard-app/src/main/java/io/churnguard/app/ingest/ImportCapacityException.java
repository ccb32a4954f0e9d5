package io.churnguard.app.ingest;

/** Too many imports are running; the caller should retry later. */
public class ImportCapacityException extends RuntimeException {

	public ImportCapacityException(String message) {
		super(message);
	}

}
