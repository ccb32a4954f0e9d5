/**
 * Gradient boosting through XGBoost4J: training with early stopping on a validation
 * split, a small time-boxed parameter search, and a pure-Java reading of the trees for
 * fast batch scoring and exact TreeSHAP explanations.
 */
package io.churnguard.ml.model.gbdt;
