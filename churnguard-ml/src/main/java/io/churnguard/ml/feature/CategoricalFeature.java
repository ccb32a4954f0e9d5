package io.churnguard.ml.feature;

/** A compiled categorical feature: a category name, or null when absent. */
@FunctionalInterface
interface CategoricalFeature {

	String compute(CustomerState state);

}
