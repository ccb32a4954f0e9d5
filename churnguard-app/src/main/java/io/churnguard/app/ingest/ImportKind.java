package io.churnguard.app.ingest;

import java.util.Locale;

/** What a file holds. */
public enum ImportKind {

	CUSTOMERS, EVENTS;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ImportKind fromCode(String code) {
		try {
			return valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown import kind '" + code + "' (expected customers or events)");
		}
	}

}
