package io.churnguard.app.retention;

import java.util.Locale;

/** What happened when a customer was contacted, as the agent records it. */
public enum ContactOutcome {

	/** The customer was reached and listened. */
	REACHED,
	/** The customer accepted the offer. */
	ACCEPTED,
	/** The customer declined the offer. */
	DECLINED,
	/** Nobody answered. */
	UNREACHABLE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ContactOutcome fromCode(String code) {
		try {
			return valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"unknown outcome '" + code + "' (use reached, accepted, declined or unreachable)");
		}
	}

}
