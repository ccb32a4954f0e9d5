/**
 * Binary logistic regression as analysts use it: fitted by iteratively reweighted least
 * squares with standard errors, Wald tests, odds ratios and their intervals, optional L2,
 * detection of (quasi-)separation, and variable selection by backward elimination on
 * p-values or by AIC.
 */
package io.churnguard.ml.model.lr;
