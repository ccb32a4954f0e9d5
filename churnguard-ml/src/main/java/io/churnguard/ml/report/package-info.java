/**
 * The self-contained HTML validation report of a training run: measures, ROC, gains, lift
 * and calibration charts as inline SVG (so it opens offline, without any CDN), feature
 * importance and the logistic regression coefficient table.
 */
package io.churnguard.ml.report;
