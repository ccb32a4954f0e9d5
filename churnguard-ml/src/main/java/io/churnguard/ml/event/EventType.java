package io.churnguard.ml.event;

import java.util.Locale;

/**
 * The kinds of behaviour event ChurnGuard understands. The lower-case code is what files
 * and the API carry; unknown codes are rejected at import rather than guessed.
 */
public enum EventType {

	/** Consumption of the service: call minutes, data MB, sessions. */
	USAGE,
	/** A bill or statement issued to the customer. */
	BILL,
	/**
	 * A payment received, possibly late; overdue notices are payments with subtype
	 * overdue.
	 */
	PAYMENT,
	/** A purchase or order. */
	ORDER,
	/** A complaint, with a category and a short text. */
	COMPLAINT,
	/** A service contact: hotline call, store visit, chat. */
	CONTACT,
	/**
	 * Digital behaviour in the app or on the web: login, browse, search, click,
	 * favourite.
	 */
	DIGITAL,
	/** A plan upgrade, downgrade or contract renewal. */
	PLAN_CHANGE,
	/**
	 * The customer left: port-out, account closure, or the last activity of a
	 * non-contract business.
	 */
	CHURN,
	/** A user-defined event type; its meaning lives in its subtype and attributes. */
	CUSTOM;

	private static final EventType[] ALL = values();

	private final String code = name().toLowerCase(Locale.ROOT);

	/** The code used in files and the API, e.g. {@code plan_change}. */
	public String code() {
		return this.code;
	}

	/**
	 * Parses a code such as {@code usage} or {@code plan_change}, ignoring case and
	 * surrounding blanks.
	 * @param code the code from a file or request
	 * @return the event type
	 * @throws IllegalArgumentException naming the code when it is not one of ours
	 */
	public static EventType fromCode(String code) {
		if (code != null) {
			// The common case, a file's exact lower-case code, without allocating.
			for (EventType type : ALL) {
				if (type.code.equals(code)) {
					return type;
				}
			}
			String normalized = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
			for (EventType type : ALL) {
				if (type.name().equals(normalized)) {
					return type;
				}
			}
		}
		throw new IllegalArgumentException("unknown event type '" + code + "'");
	}

}
