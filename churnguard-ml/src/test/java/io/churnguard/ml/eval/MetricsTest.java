package io.churnguard.ml.eval;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

	@Test
	void aucCountsTiesAsHalfAndHasAnIntervalAroundIt() {
		int[] y = { 0, 0, 1, 1, 0, 1 };
		double[] p = { 0.1, 0.4, 0.35, 0.8, 0.5, 0.5 };
		// positives 0.35, 0.8, 0.5 against negatives 0.1, 0.4, 0.5: 1 + 3 + 2.5 of 9
		// pairs
		double[] auc = Metrics.aucWithInterval(y, p);
		assertThat(auc[0]).isCloseTo(6.5 / 9, within(1e-12));
		assertThat(auc[1]).isLessThan(auc[0]);
		assertThat(auc[2]).isGreaterThan(auc[0]);
	}

	@Test
	void theDeLongIntervalCoversTheTrueAucAboutNineteenTimesInTwenty() {
		Random random = new Random(3);
		int covered = 0;
		// Scores N(1,1) for churners and N(0,1) for stayers: true AUC = Phi(1/sqrt 2).
		double truth = 0.7602499389065233;
		for (int trial = 0; trial < 200; trial++) {
			int n = 300;
			int[] y = new int[n];
			double[] p = new double[n];
			for (int i = 0; i < n; i++) {
				y[i] = (i % 3 == 0) ? 1 : 0;
				p[i] = random.nextGaussian() + y[i];
			}
			double[] ci = Metrics.aucWithInterval(y, p);
			covered += (ci[1] <= truth && truth <= ci[2]) ? 1 : 0;
		}
		assertThat(covered).isBetween(180, 198);
	}

	@Test
	void thePerfectModelFindsAllChurnersInTheFirstDeciles() {
		int n = 1000;
		int[] y = new int[n];
		double[] p = new double[n];
		for (int i = 0; i < n; i++) {
			y[i] = (i < 200) ? 1 : 0;
			p[i] = 1 - i / (double) n;
		}
		var gains = Metrics.gains(y, p);
		assertThat(gains.get(0).lift()).isCloseTo(5, within(1e-9));
		assertThat(gains.get(1).cumulativeGain()).isCloseTo(1, within(1e-9));
		assertThat(Evaluation.of(y, p, 0.5).topDecileLift()).isCloseTo(5, within(1e-9));
		assertThat(Metrics.averagePrecision(y, p)).isCloseTo(1, within(1e-12));
	}

	@Test
	void confusionMeasuresAtAThreshold() {
		int[] y = { 1, 1, 0, 0, 1 };
		double[] p = { 0.9, 0.4, 0.6, 0.1, 0.7 };
		ConfusionMatrix cm = Metrics.confusion(y, p, 0.5);
		assertThat(cm).isEqualTo(new ConfusionMatrix(2, 1, 1, 1));
		assertThat(cm.precision()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(cm.recall()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(cm.accuracy()).isCloseTo(0.6, within(1e-12));
	}

	@Test
	void logLossAndBrierOfACoinFlip() {
		int[] y = { 1, 0 };
		double[] p = { 0.5, 0.5 };
		assertThat(Metrics.logLoss(y, p)).isCloseTo(Math.log(2), within(1e-12));
		assertThat(Metrics.brier(y, p)).isCloseTo(0.25, within(1e-12));
	}

	@Test
	void recalibrationRepairsOverconfidentScoresWithoutReorderingThem() {
		Random random = new Random(5);
		int n = 5000;
		int[] y = new int[n];
		double[] p = new double[n];
		for (int i = 0; i < n; i++) {
			double truth = random.nextDouble();
			y[i] = (random.nextDouble() < truth) ? 1 : 0;
			// Overconfident: pushed towards 0 and 1.
			double logit = 3 * Math.log(truth / (1 - truth));
			p[i] = 1 / (1 + Math.exp(-logit));
		}
		double before = Metrics.expectedCalibrationError(Metrics.calibration(y, p, 10));
		for (Calibrator c : new Calibrator[] { Calibrator.platt(y, p), Calibrator.isotonic(y, p) }) {
			double[] q = new double[n];
			for (int i = 0; i < n; i++) {
				q[i] = c.apply(p[i]);
			}
			double after = Metrics.expectedCalibrationError(Metrics.calibration(y, q, 10));
			assertThat(after).as(c.getClass().getSimpleName()).isLessThan(before / 2);
			assertThat(Metrics.auc(y, q)).isGreaterThan(Metrics.auc(y, p) - 0.01);
		}
	}

	@Test
	void stratifiedFoldsKeepTheChurnRate() {
		int[] y = new int[1000];
		for (int i = 0; i < 100; i++) {
			y[i] = 1;
		}
		int[] fold = Folds.stratified(y, 5, 1);
		for (int k = 0; k < 5; k++) {
			Folds.Split s = Folds.of(fold, k);
			int positives = 0;
			for (int r : s.test()) {
				positives += y[r];
			}
			assertThat(s.test()).hasSize(200);
			assertThat(positives).isEqualTo(20);
		}
		Folds.Split holdout = Folds.holdout(y, 0.25, 1);
		assertThat(holdout.test()).hasSize(250);
	}

}
