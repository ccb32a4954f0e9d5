package io.churnguard.app.notification;

/**
 * How urgent a notification is: the early-warning levels I (most severe, red) to IV
 * (blue), or plain information. Webhook subscriptions filter on it and messages colour by
 * it.
 */
public enum NotificationLevel {

	I, II, III, IV, INFO;

	/** The message key of the level's label, e.g. 一级 / Level I. */
	public String messageKey() {
		return "notification.level." + name();
	}

	/** Parses {@code I}…{@code IV} or {@code INFO}, ignoring case. */
	public static NotificationLevel of(String code) {
		try {
			return valueOf(code.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("unknown level '" + code + "': use I, II, III, IV or INFO");
		}
	}

}
