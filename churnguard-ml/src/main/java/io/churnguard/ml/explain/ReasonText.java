package io.churnguard.ml.explain;

import java.util.Locale;

import io.churnguard.ml.data.NumericColumn;
import io.churnguard.ml.feature.FeatureDescription;

/**
 * Renders a reason as a sentence. A column with a {@link FeatureDescription} speaks in
 * its own words ("近30天通话时长较前60天下降62%"); a raw column without one gets a plain sentence
 * from its name and value ("Contract = Month-to-month", "tenure = 1 (typical: 29)" /
 * "tenure = 1（通常为 29）"), which reads as well with Chinese column names.
 */
public final class ReasonText {

	private ReasonText() {
	}

	/**
	 * The sentence of one reason.
	 * @param feature the source column name
	 * @param valueText the value as text, null when missing
	 * @param value the value as a number, NaN when missing or not a number
	 * @param typical the typical (median) training value of a numeric column, or null
	 * @param description the column's description, or null
	 * @param locale the language
	 * @return the sentence
	 */
	public static String sentence(String feature, String valueText, double value, Double typical,
			FeatureDescription description, Locale locale) {
		boolean zh = "zh".equals(locale.getLanguage());
		if (description != null) {
			return description.describe(value, locale);
		}
		if (valueText == null) {
			return zh ? feature + "缺失" : feature + " is missing";
		}
		if (typical != null && !Double.isNaN(value) && !Double.isNaN(typical)) {
			String t = NumericColumn.formatNumber(typical);
			return zh ? feature + " = " + valueText + "（通常为 " + t + "）"
					: feature + " = " + valueText + " (typical: " + t + ")";
		}
		return feature + " = " + valueText;
	}

}
