package io.churnguard.ml.feature;

/**
 * The words of a feature in one language. Sentences are templates with the placeholders
 * <ul>
 * <li>{@code {value}}: the value, formatted for the feature's unit (percentages for
 * {@code share}, two decimals for {@code CNY});</li>
 * <li>{@code {change}}: for change features, "下降62%" / "fell 62 %", "上升15%" / "rose 15 %"
 * or "持平" / "held steady";</li>
 * <li>{@code {s}}: an English plural "s", empty when the value is one.</li>
 * </ul>
 *
 * @param label a short noun phrase, e.g. "近30天投诉次数" or "complaints in the last 30 days"
 * @param sentence the sentence for a value, e.g. "近30天投诉{value}次"
 * @param whenZero the sentence when the value is zero (a flag's "false"), e.g. "近30天无投诉";
 * null to use {@code sentence}
 * @param whenAbsent the sentence when the value is absent, e.g. "从未登录"; null for a
 * generic "no data" sentence
 */
public record FeatureText(String label, String sentence, String whenZero, String whenAbsent) {

	/**
	 * A text with a label and a sentence only.
	 * @param label the label
	 * @param sentence the sentence template
	 * @return the text
	 */
	public static FeatureText of(String label, String sentence) {
		return new FeatureText(label, sentence, null, null);
	}

}
