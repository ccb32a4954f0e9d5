package io.churnguard.app.notification;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Chinese and English; the reader's language picks one.
 *
 * @param zh the Chinese text
 * @param en the English text
 */
public record Text(String zh, String en) {

	/** No text, e.g. a notification without a body. */
	public static final Text EMPTY = new Text("", "");

	public Text {
		zh = Objects.requireNonNullElse(zh, "");
		en = Objects.requireNonNullElse(en, "");
	}

	public static Text of(String zh, String en) {
		return new Text(zh, en);
	}

	/** The same text in both languages, e.g. a customer id or a number. */
	public static Text same(String value) {
		return new Text(value, value);
	}

	/**
	 * The text for a reader: English for {@code en}, Chinese otherwise; the other
	 * language when the preferred one is blank.
	 */
	public String in(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		String preferred = english ? this.en : this.zh;
		return preferred.isBlank() ? (english ? this.zh : this.en) : preferred;
	}

	public boolean isBlank() {
		return this.zh.isBlank() && this.en.isBlank();
	}

}
