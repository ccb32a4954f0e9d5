package io.churnguard.ml.model.lr;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticRegressionTest {

	/**
	 * y depends on usage (negatively) and complaints (positively); noise does not matter.
	 */
	private static LogisticData simulated(int n, long seed) {
		Random random = new Random(seed);
		double[] usage = new double[n];
		double[] complaints = new double[n];
		double[] noise = new double[n];
		int[] y = new int[n];
		for (int r = 0; r < n; r++) {
			usage[r] = 100 + 30 * random.nextGaussian();
			complaints[r] = random.nextInt(4);
			noise[r] = random.nextGaussian();
			double eta = 1.0 - 0.02 * usage[r] + 0.7 * complaints[r];
			y[r] = (random.nextDouble() < 1 / (1 + Math.exp(-eta))) ? 1 : 0;
		}
		return LogisticData.of(new double[][] { usage, complaints, noise }, List.of("usage", "complaints", "noise"), y);
	}

	@Test
	void aCustomerWithFallingUsageChurnsMoreOften() {
		LogisticRegressionFit fit = LogisticRegression.create().fit(simulated(20_000, 7));
		Coefficient usage = fit.coefficient("usage");
		Coefficient complaints = fit.coefficient("complaints");
		assertThat(usage.estimate()).isCloseTo(-0.02, within(4 * usage.standardError()));
		assertThat(complaints.estimate()).isCloseTo(0.7, within(4 * complaints.standardError()));
		assertThat(usage.pValue()).isLessThan(1e-10);
		assertThat(complaints.oddsRatio()).isCloseTo(Math.exp(complaints.estimate()), within(1e-12));
		assertThat(complaints.oddsRatioLower()).isLessThan(complaints.oddsRatio());
		assertThat(complaints.oddsRatioUpper()).isGreaterThan(complaints.oddsRatio());
		assertThat(fit.converged()).isTrue();
		assertThat(fit.separation().detected()).isFalse();
	}

	@Test
	void theMaximumLikelihoodEstimateSolvesTheScoreEquations() {
		LogisticData data = simulated(5_000, 3);
		LogisticRegressionFit fit = LogisticRegression.create().fit(data);
		double[] b = fit.estimates();
		double[] score = new double[4];
		for (int r = 0; r < data.rows(); r++) {
			double eta = b[0];
			for (int j = 0; j < 3; j++) {
				eta += b[j + 1] * data.columns()[j][r];
			}
			double resid = data.y()[r] - 1 / (1 + Math.exp(-eta));
			score[0] += resid;
			for (int j = 0; j < 3; j++) {
				score[j + 1] += resid * data.columns()[j][r];
			}
		}
		assertThat(score[0]).isCloseTo(0, within(1e-6));
		assertThat(score[1]).isCloseTo(0, within(1e-4));
		assertThat(score[2]).isCloseTo(0, within(1e-6));
	}

	@Test
	void backwardEliminationDropsTheVariableThatDoesNotMatter() {
		VariableSelection.Result result = new VariableSelection(LogisticRegression.create())
			.backwardByPValue(simulated(20_000, 11), 0.05);
		assertThat(result.selected()).containsExactly("usage", "complaints");
		assertThat(result.steps()).extracting(VariableSelection.Step::dropped).containsExactly("noise");
		VariableSelection.Result aic = new VariableSelection(LogisticRegression.create())
			.backwardByAic(simulated(20_000, 11));
		assertThat(aic.selected()).containsExactly("usage", "complaints");
	}

	@Test
	void aVariableThatSeparatesTheClassesIsReportedNotSilentlyBlownUp() {
		int n = 200;
		double[] x = new double[n];
		double[] other = new double[n];
		int[] y = new int[n];
		Random random = new Random(1);
		for (int r = 0; r < n; r++) {
			x[r] = r;
			other[r] = random.nextGaussian();
			y[r] = (r >= 100) ? 1 : 0;
		}
		LogisticData data = LogisticData.of(new double[][] { x, other }, List.of("x", "other"), y);
		LogisticRegressionFit reported = LogisticRegression.create().withoutSeparationRemedy().fit(data);
		assertThat(reported.separation().kind()).isEqualTo(Separation.Kind.COMPLETE);
		assertThat(reported.separation().variables()).contains("x");
		LogisticRegressionFit remedied = LogisticRegression.create().fit(data);
		assertThat(remedied.separation().remedy()).contains("L2");
		assertThat(Math.abs(remedied.coefficient("x").estimate())).isLessThan(1);
	}

	@Test
	void aColumnThatRepeatsAnotherIsAliasedAsInR() {
		LogisticData base = simulated(2_000, 5);
		double[] twice = base.columns()[0].clone();
		for (int r = 0; r < twice.length; r++) {
			twice[r] *= 2;
		}
		LogisticData data = LogisticData.of(new double[][] { base.columns()[0], twice }, List.of("usage", "usage2"),
				base.y());
		LogisticRegressionFit fit = LogisticRegression.create().fit(data);
		assertThat(fit.coefficient("usage2").aliased()).isTrue();
		assertThat(fit.coefficient("usage").aliased()).isFalse();
		assertThat(fit.toCsv()).startsWith("term,variable,estimate").contains("usage2,usage2,,");
	}

	@Test
	void ridgeShrinksCoefficientsTowardsZero() {
		LogisticData data = simulated(2_000, 9);
		double plain = LogisticRegression.create().fit(data).coefficient("complaints").estimate();
		double ridge = LogisticRegression.create().withL2(500).fit(data).coefficient("complaints").estimate();
		assertThat(Math.abs(ridge)).isLessThan(Math.abs(plain));
	}

}
