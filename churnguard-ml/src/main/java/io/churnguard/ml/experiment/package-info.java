/**
 * The statistics of a retention experiment: how large the randomized control group must
 * be ({@link io.churnguard.ml.experiment.PowerCalculation}), which customers go into it
 * ({@link io.churnguard.ml.experiment.RandomizedAssignment}, stratified and
 * reproducible), and what the campaign achieved
 * ({@link io.churnguard.ml.experiment.Effect} with its confidence interval and p-value,
 * {@link io.churnguard.ml.experiment.Roi}).
 */
package io.churnguard.ml.experiment;
