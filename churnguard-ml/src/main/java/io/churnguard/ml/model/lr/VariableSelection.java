package io.churnguard.ml.model.lr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Variable selection as analysts do it by hand: backward elimination on p-values (fit,
 * drop the least significant variable if its p-value exceeds the threshold, refit, until
 * every variable is significant), or backward elimination on AIC (drop the variable whose
 * removal lowers AIC most, until no removal lowers it). A variable is tested as a whole:
 * all levels of a category together.
 */
public final class VariableSelection {

	private final LogisticRegression trainer;

	/**
	 * Selection with a trainer.
	 * @param trainer the trainer of every refit
	 */
	public VariableSelection(LogisticRegression trainer) {
		this.trainer = trainer;
	}

	/**
	 * Backward elimination on p-values.
	 * @param data the data with every candidate variable
	 * @param alpha the significance threshold, e.g. 0.05
	 * @return the steps and the final fit
	 */
	public Result backwardByPValue(LogisticData data, double alpha) {
		Set<String> kept = new LinkedHashSet<>(data.variables());
		List<Step> steps = new ArrayList<>();
		LogisticRegressionFit fit = this.trainer.fit(data);
		while (true) {
			VariableTest worst = null;
			for (VariableTest t : fit.variableTests()) {
				if (t.degreesOfFreedom() == 0) {
					continue;
				}
				if (worst == null || t.pValue() > worst.pValue()) {
					worst = t;
				}
			}
			if (worst == null || !(worst.pValue() > alpha) || kept.size() <= 1) {
				break;
			}
			kept.remove(worst.variable());
			steps.add(new Step(worst.variable(), worst.pValue(), fit.aic()));
			fit = this.trainer.fit(data.withVariables(kept));
		}
		return new Result("backward elimination, p > " + alpha, steps, List.copyOf(kept), fit);
	}

	/**
	 * Backward elimination on AIC.
	 * @param data the data with every candidate variable
	 * @return the steps and the final fit
	 */
	public Result backwardByAic(LogisticData data) {
		Set<String> kept = new LinkedHashSet<>(data.variables());
		List<Step> steps = new ArrayList<>();
		LogisticRegressionFit fit = this.trainer.fit(data);
		while (kept.size() > 1) {
			String bestDrop = null;
			LogisticRegressionFit bestFit = null;
			for (String candidate : kept) {
				Set<String> without = new LinkedHashSet<>(kept);
				without.remove(candidate);
				LogisticRegressionFit f = this.trainer.fit(data.withVariables(without));
				if (bestFit == null || f.aic() < bestFit.aic()) {
					bestFit = f;
					bestDrop = candidate;
				}
			}
			if (bestFit == null || bestFit.aic() >= fit.aic()) {
				break;
			}
			steps.add(new Step(bestDrop, fit.test(bestDrop).pValue(), bestFit.aic()));
			kept.remove(bestDrop);
			fit = bestFit;
		}
		return new Result("backward elimination on AIC", steps, List.copyOf(kept), fit);
	}

	/**
	 * One elimination step.
	 *
	 * @param dropped the variable dropped
	 * @param pValue its p-value before it was dropped
	 * @param aic for p-value elimination, the AIC of the model it was dropped from; for
	 * AIC elimination, the AIC after dropping it
	 */
	public record Step(String dropped, double pValue, double aic) {
	}

	/**
	 * The outcome of a selection.
	 *
	 * @param method how variables were selected
	 * @param steps the variables dropped, in order
	 * @param selected the variables that remain
	 * @param fit the fit on the selected variables
	 */
	public record Result(String method, List<Step> steps, List<String> selected, LogisticRegressionFit fit) {
	}

}
