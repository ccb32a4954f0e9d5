package io.churnguard.ml.explain;

import java.util.Locale;

/**
 * One reason for a score: a source column, the customer's value, how much it raised the
 * log-odds of churn, and the sentence an agent reads, in English and Chinese.
 *
 * @param feature the source column
 * @param value the customer's value as text, null when missing
 * @param contribution the contribution to the log-odds of churn (positive raises risk)
 * @param en the sentence in English
 * @param zh the sentence in Chinese
 */
public record Reason(String feature, String value, double contribution, String en, String zh) {

	/**
	 * The sentence in a language.
	 * @param locale Chinese locales get Chinese, every other locale English
	 * @return the sentence
	 */
	public String text(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.zh : this.en;
	}

}
