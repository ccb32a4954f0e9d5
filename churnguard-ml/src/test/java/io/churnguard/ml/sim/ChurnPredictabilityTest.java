package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated churn must be learnable from what the events show, with lead time, but never
 * separable: a simple model of the first six months predicts the next three.
 */
class ChurnPredictabilityTest {

	private static final LocalDate OBSERVATION = LocalDate.of(2025, 7, 1);

	@Test
	void aSimpleModelOnTheFirstMonthsPredictsTheNextMonthsChurnWellButNotPerfectly() {
		Path dir = SimulatedCompanies.of(Preset.TELECOM);
		ObservationFeatures features = new ObservationFeatures(OBSERVATION);
		SimulationFiles.events(dir, features::accept);
		List<double[]> trainX = new ArrayList<>();
		List<Integer> trainY = new ArrayList<>();
		List<double[]> testX = new ArrayList<>();
		List<Integer> testY = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, Map<String, String>> entry : SimulationFiles.customers(dir).entrySet()) {
			Map<String, String> customer = entry.getValue();
			LocalDate joined = LocalDate.parse(customer.get("join_date"));
			String churn = customer.get("churn_date");
			LocalDate churnDate = churn.isEmpty() ? null : LocalDate.parse(churn);
			if (ChronoUnit.DAYS.between(joined, OBSERVATION) < 28
					|| (churnDate != null && churnDate.isBefore(OBSERVATION))) {
				continue;
			}
			int label = (churnDate != null && churnDate.isBefore(OBSERVATION.plusDays(90))) ? 1 : 0;
			double[] row = features.row(entry.getKey(), customer);
			if (index++ % 2 == 0) {
				trainX.add(row);
				trainY.add(label);
			}
			else {
				testX.add(row);
				testY.add(label);
			}
		}
		TinyLogisticFit model = TinyLogisticFit.fit(trainX.toArray(new double[0][]),
				trainY.stream().mapToInt(Integer::intValue).toArray());
		double[] scores = testX.stream().mapToDouble(model::predict).toArray();
		double auc = TinyLogisticFit.auc(scores, testY.stream().mapToInt(Integer::intValue).toArray());
		assertThat(auc)
			.as("AUC of a logistic model of %s, coefficients %s", Arrays.toString(ObservationFeatures.NAMES),
					Arrays.toString(model.coefficients()))
			.isBetween(0.75, 0.92);
	}

}
