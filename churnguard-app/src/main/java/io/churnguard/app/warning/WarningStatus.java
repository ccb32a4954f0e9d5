package io.churnguard.app.warning;

import java.util.Locale;

/** Where a warning is in its lifecycle: new → assigned → in progress → closed. */
public enum WarningStatus {

	NEW, ASSIGNED, IN_PROGRESS, CLOSED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static WarningStatus fromCode(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

}
