package io.churnguard.app.ingest;

import java.util.Locale;

/** Where an import was started. */
public enum ImportChannel {

	CLI, CONSOLE, API;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
