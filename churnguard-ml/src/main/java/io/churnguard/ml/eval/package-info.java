/**
 * Honest evaluation of churn scores: stratified cross-validation and holdout splits, and
 * the measures a retention team reads (AUC with its confidence interval, PR-AUC,
 * accuracy, precision, recall and F1 at a threshold, log loss, Brier score, calibration,
 * lift and cumulative gains by decile), plus Platt and isotonic recalibration.
 */
package io.churnguard.ml.eval;
