package io.churnguard.ml.feature;

import java.util.Locale;

/**
 * What a feature means, in words an agent understands. Descriptions are the vocabulary of
 * reason codes: a model explains a score by naming features and their values, and this
 * turns a value into a sentence such as "近30天通话时长较前60天下降62%" or "call minutes in the last
 * 30 days fell 62 % against the previous 60".
 */
public interface FeatureDescription {

	/** The stable feature name, e.g. {@code usage_voice_30d_change}. */
	String name();

	/**
	 * A short label, e.g. "近30天通话时长" or "call minutes in the last 30 days".
	 * @param locale Chinese locales get Chinese, every other locale English
	 * @return the label
	 */
	String label(Locale locale);

	/**
	 * The unit of the value, e.g. {@code min}, {@code MB}, {@code CNY}, {@code days},
	 * {@code ratio}.
	 */
	String unit();

	/** What a higher value means for the customer's behaviour. */
	Direction direction();

	/**
	 * A sentence stating the value, e.g. "近30天投诉3次" or "3 complaints in the last 30
	 * days".
	 * @param value the feature value; {@link Double#NaN} when absent
	 * @param locale Chinese locales get Chinese, every other locale English
	 * @return the sentence
	 */
	String describe(double value, Locale locale);

	/**
	 * A sentence stating a categorical value, e.g. "套餐为畅享99" or "on the 畅享99 plan".
	 * Numeric features state the category as their label and the value.
	 * @param category the category; null or empty when absent
	 * @param locale Chinese locales get Chinese, every other locale English
	 * @return the sentence
	 */
	default String describeCategory(String category, Locale locale) {
		return label(locale) + ": " + ((category == null || category.isEmpty()) ? "-" : category);
	}

	/**
	 * What "higher" means for a feature, so reasons can say whether a value is good or
	 * bad news.
	 */
	enum Direction {

		/** Higher means more engagement or value, e.g. usage, spend, tenure. */
		MORE_ENGAGED,
		/**
		 * Higher means more trouble, e.g. complaints, overdue payments, days since last
		 * login.
		 */
		MORE_TROUBLE,
		/** Neither: a category, a date or a neutral quantity. */
		NEUTRAL

	}

}
