package io.churnguard.ml.feature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Turns a feature value into a sentence through the feature's templates. Formatting
 * follows the unit so that reason codes read the same for every feature of a kind.
 */
final class FeatureSentences {

	private FeatureSentences() {
	}

	static boolean isChinese(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage());
	}

	static String describe(FeatureDefinition feature, double value, Locale locale) {
		boolean chinese = isChinese(locale);
		FeatureText text = feature.text(locale);
		if (Double.isNaN(value)) {
			return (text.whenAbsent() != null) ? text.whenAbsent() : text.label() + (chinese ? "：无数据" : ": no data");
		}
		if (feature.isCategorical()) {
			return describeCategory(feature, String.valueOf(value), locale);
		}
		String template = text.sentence();
		boolean zero = "flag".equals(feature.unit()) ? value < 0.5 : value == 0;
		if (zero && text.whenZero() != null) {
			template = text.whenZero();
		}
		String formatted = format(value, feature.unit(), chinese);
		return template.replace("{value}", formatted)
			.replace("{change}", change(value, chinese))
			.replace("{s}", "1".equals(formatted) ? "" : "s");
	}

	static String describeCategory(FeatureDefinition feature, String category, Locale locale) {
		FeatureText text = feature.text(locale);
		if (category == null || category.isEmpty()) {
			return (text.whenAbsent() != null) ? text.whenAbsent()
					: text.label() + (isChinese(locale) ? "：无数据" : ": no data");
		}
		return text.sentence().replace("{value}", category).replace("{s}", "");
	}

	/**
	 * A change ratio in words: 0.38 fell 62 %, 1.15 rose 15 %; within half a percent is
	 * steady.
	 */
	static String change(double ratio, boolean chinese) {
		long percent = Math.round(Math.abs(ratio - 1) * 100);
		if (percent == 0) {
			return chinese ? "持平" : "held steady";
		}
		if (ratio < 1) {
			return chinese ? "下降" + percent + "%" : "fell " + percent + " %";
		}
		return chinese ? "上升" + percent + "%" : "rose " + percent + " %";
	}

	static String format(double value, String unit, boolean chinese) {
		if (Double.isInfinite(value)) {
			return (value > 0) ? "∞" : "-∞";
		}
		if ("share".equals(unit)) {
			long percent = Math.round(value * 100);
			return chinese ? percent + "%" : percent + " %";
		}
		BigDecimal exact = BigDecimal.valueOf(value);
		if ("CNY".equals(unit)) {
			// Money keeps its cents.
			return exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
		}
		double magnitude = Math.abs(value);
		int decimals = (magnitude < 10) ? 2 : (magnitude < 100) ? 1 : 0;
		BigDecimal rounded = exact.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
		return (rounded.scale() < 0) ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
	}

}
