/**
 * Churn models and scores: the model registry (versions, provenance, metrics, model
 * cards, champion and challengers), training from the archive with the feature engine's
 * training-set builder, and the scoring job that gives every active customer a
 * probability, a risk band, reasons and the value at risk.
 */
package io.churnguard.app.scoring;
