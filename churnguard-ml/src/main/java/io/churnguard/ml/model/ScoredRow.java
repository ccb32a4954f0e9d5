package io.churnguard.ml.model;

import java.util.List;

import io.churnguard.ml.explain.Reason;

/**
 * The score of one customer.
 *
 * @param id the customer's id (the id column's value, or the row number from 1)
 * @param probability the probability of churn
 * @param riskBand {@code high}, {@code medium} or {@code low}
 * @param reasons the strongest reasons raising the risk, strongest first
 * @param modelId the version of the model that scored
 */
public record ScoredRow(String id, double probability, String riskBand, List<Reason> reasons, String modelId) {
}
