package io.churnguard.app.warning;

import java.util.Locale;

/** How a closed warning ended; kept as data for evaluation and retraining. */
public enum WarningOutcome {

	/** The customer stayed. */
	RETAINED,
	/** The customer left anyway. */
	LOST,
	/** The customer was never going to leave. */
	FALSE_ALARM,
	/** Nobody reached the customer. */
	UNREACHABLE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static WarningOutcome fromCode(String code) {
		try {
			return valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"unknown outcome '" + code + "' (use retained, lost, false_alarm or unreachable)");
		}
	}

}
