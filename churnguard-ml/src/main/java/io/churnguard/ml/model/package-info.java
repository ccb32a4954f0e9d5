/**
 * Churn models and their life cycle: the trainers' common vocabulary (algorithm, model,
 * artifact with provenance), the automatic choice between logistic regression, gradient
 * boosting and their blend by cross-validated AUC, persistence as JSON plus XGBoost
 * UBJSON, scoring with risk bands and reasons, and the {@link ChurnTableTraining} facade
 * that the CLI and the server call.
 */
package io.churnguard.ml.model;
