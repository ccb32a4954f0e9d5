package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.model.lr.LogisticData;
import io.churnguard.ml.model.lr.LogisticRegression;
import io.churnguard.ml.model.lr.LogisticRegressionFit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated churn must be learnable from what the events show, with lead time, but never
 * separable: the project's logistic regression on hand-made features of the first six
 * months predicts churn in the next three.
 */
class ChurnPredictabilityTest {

	private static final LocalDate OBSERVATION = LocalDate.of(2025, 7, 1);

	private static final List<String> FEATURES = List.of(ObservationFeatures.NAMES);

	private static final List<double[]> TRAIN = new ArrayList<>();

	private static final List<Integer> TRAIN_LABELS = new ArrayList<>();

	private static final List<double[]> TEST = new ArrayList<>();

	private static final List<Integer> TEST_LABELS = new ArrayList<>();

	private static LogisticRegressionFit fit;

	@BeforeAll
	static void trainOnTheFirstHalfYear() {
		Path dir = SimulatedCompanies.of(Preset.TELECOM);
		ObservationFeatures features = new ObservationFeatures(OBSERVATION);
		SimulationFiles.events(dir, features::accept);
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
			boolean train = index++ % 2 == 0;
			(train ? TRAIN : TEST).add(features.row(entry.getKey(), customer));
			(train ? TRAIN_LABELS : TEST_LABELS).add(label);
		}
		double[][] columns = new double[FEATURES.size()][TRAIN.size()];
		for (int r = 0; r < TRAIN.size(); r++) {
			for (int j = 0; j < FEATURES.size(); j++) {
				columns[j][r] = TRAIN.get(r)[j];
			}
		}
		fit = LogisticRegression.create()
			.fit(LogisticData.of(columns, FEATURES, TRAIN_LABELS.stream().mapToInt(Integer::intValue).toArray()));
	}

	@Test
	void aLogisticModelOfTheFirstMonthsPredictsTheNextMonthsChurnWellButNotPerfectly() {
		double[] b = fit.estimates();
		double[] scores = new double[TEST.size()];
		for (int r = 0; r < scores.length; r++) {
			double eta = b[0];
			for (int j = 0; j < FEATURES.size(); j++) {
				eta += b[j + 1] * TEST.get(r)[j];
			}
			scores[r] = eta;
		}
		double auc = RankAuc.of(scores, TEST_LABELS.stream().mapToInt(Integer::intValue).toArray());
		assertThat(auc).as("AUC on held-out customers; coefficients:%n%s", fit.toCsv()).isBetween(0.75, 0.92);
	}

	@Test
	void theDocumentedDriversComeOutWithTheDocumentedSigns() {
		assertThat(fit.coefficient("data_trend").estimate()).as("falling usage").isNegative();
		assertThat(fit.coefficient("leaving_contacts_8w").estimate()).as("port-out inquiries").isPositive();
		assertThat(fit.coefficient("in_contract").estimate()).as("contract").isNegative();
		assertThat(fit.coefficient("group_account").estimate()).as("group account").isNegative();
		assertThat(fit.coefficient("complaints_8w").estimate()).as("complaints").isPositive();
		for (String driver : List.of("data_trend", "leaving_contacts_8w", "in_contract", "group_account")) {
			assertThat(fit.test(driver).pValue()).as(driver).isLessThan(0.01);
		}
	}

}
