package io.churnguard.app.notification.internal;

import java.util.Locale;

/** The two languages notifications are written in. */
final class Locales {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private Locales() {
	}

	/** {@code en} or {@code zh-CN} (the default). */
	static Locale of(String tag) {
		return (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH : CHINESE;
	}

	static String tag(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
	}

	/** Accepts exactly the stored tags, for input validation. */
	static String require(String tag) {
		if (!"zh-CN".equals(tag) && !"en".equals(tag)) {
			throw new IllegalArgumentException("locale must be zh-CN or en, was '" + tag + "'");
		}
		return tag;
	}

}
