package io.churnguard.ml.eval;

/**
 * One row of a calibration table.
 *
 * @param count rows in the bin
 * @param meanPredicted their mean predicted probability
 * @param observedRate their observed churn rate
 * @param minPredicted the lowest score in the bin
 * @param maxPredicted the highest score in the bin
 */
public record CalibrationBin(int count, double meanPredicted, double observedRate, double minPredicted,
		double maxPredicted) {
}
