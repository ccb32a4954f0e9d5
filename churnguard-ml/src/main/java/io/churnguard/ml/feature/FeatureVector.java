package io.churnguard.ml.feature;

import java.util.Arrays;
import java.util.Locale;

/**
 * The feature values of one customer as of one date.
 *
 * @param featureSet the features the values belong to
 * @param numeric numeric values in {@link FeatureSet#numericNames()} order, NaN when
 * absent
 * @param categorical categories in {@link FeatureSet#categoricalNames()} order, null when
 * absent
 */
public record FeatureVector(FeatureSet featureSet, double[] numeric, String[] categorical) {

	/**
	 * A numeric value by feature name.
	 * @param name the feature name
	 * @return the value, NaN when absent
	 */
	public double value(String name) {
		int index = this.featureSet.numericIndex(name);
		if (index < 0) {
			throw new IllegalArgumentException("no numeric feature '" + name + "'");
		}
		return this.numeric[index];
	}

	/**
	 * A category by feature name.
	 * @param name the feature name
	 * @return the category, null when absent
	 */
	public String category(String name) {
		int index = this.featureSet.categoricalIndex(name);
		if (index < 0) {
			throw new IllegalArgumentException("no categorical feature '" + name + "'");
		}
		return this.categorical[index];
	}

	/**
	 * The sentence for one feature's value, through its description.
	 * @param name the feature name
	 * @param locale the language
	 * @return the sentence
	 */
	public String describe(String name, Locale locale) {
		FeatureDefinition definition = this.featureSet.get(name);
		return definition.isCategorical() ? definition.describeCategory(category(name), locale)
				: definition.describe(value(name), locale);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FeatureVector that && this.featureSet.equals(that.featureSet)
				&& Arrays.equals(this.numeric, that.numeric) && Arrays.equals(this.categorical, that.categorical);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.numeric) + Arrays.hashCode(this.categorical);
	}

	@Override
	public String toString() {
		return "FeatureVector" + Arrays.toString(this.numeric) + Arrays.toString(this.categorical);
	}

}
