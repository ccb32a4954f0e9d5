/**
 * The company simulator: customers of a telecom operator, bank or subscription business,
 * their timestamped behaviour, churn driven by a known behavioural model, responses to
 * retention actions, and the ground truth behind it all, written as the CSV files the
 * importers read. Entry point: {@link io.churnguard.ml.sim.Simulator}.
 */
package io.churnguard.ml.sim;
