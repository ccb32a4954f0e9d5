package io.churnguard.ml.uplift;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.gbdt.GbdtParameters;

/**
 * The X-learner (Künzel, Sekhon, Bickel and Yu, PNAS 2019) for a churn outcome.
 *
 * <ol>
 * <li>Outcome models as in the {@link TwoModelUplift}: {@code μ0} on the control group,
 * {@code μ1} on the treated.</li>
 * <li>Imputed effects, each from the other group's model so no row is judged by a model
 * it trained: a treated customer's is {@code μ0(x) − y} (the churn the action avoided), a
 * control customer's {@code y − μ1(x)}.</li>
 * <li>Two regressors of the imputed effects on the features: {@code τ1} on the treated,
 * {@code τ0} on the control.</li>
 * <li>The uplift blends them by the propensity {@code g}, the probability of being
 * treated: {@code τ(x) = g·τ0(x) + (1 − g)·τ1(x)}. Each regressor is weighted by the size
 * of the <em>other</em> group, whose model made its targets. With randomized assignment
 * {@code g} is known, the treated share of the campaign.</li>
 * </ol>
 *
 * <p>
 * The regressors smooth the effect directly instead of differencing two noisy risk
 * models, which helps when the effect is simpler than the risk, as it usually is.
 */
public final class XLearnerUplift implements UpliftModel {

	private final FeaturePipeline pipeline;

	private final TwoModelUplift outcomes;

	private final Boosters controlEffect;

	private final Boosters treatedEffect;

	private final double propensity;

	XLearnerUplift(FeaturePipeline pipeline, TwoModelUplift outcomes, Boosters controlEffect, Boosters treatedEffect,
			double propensity) {
		this.pipeline = pipeline;
		this.outcomes = outcomes;
		this.controlEffect = controlEffect;
		this.treatedEffect = treatedEffect;
		this.propensity = propensity;
	}

	/**
	 * Trains the outcome models and the effect regressors, the propensity being the
	 * treated share of the sample (randomized assignment).
	 * @param sample the campaign's customers
	 * @param parameters the boosting parameters of all four models
	 * @return the model
	 */
	public static XLearnerUplift fit(UpliftSample sample, GbdtParameters parameters) {
		return fit(sample, parameters, sample.treatedShare());
	}

	/**
	 * Trains the outcome models and the effect regressors with a given propensity.
	 * @param sample the campaign's customers
	 * @param parameters the boosting parameters of all four models
	 * @param propensity the probability that a customer was treated, in (0, 1)
	 * @return the model
	 */
	public static XLearnerUplift fit(UpliftSample sample, GbdtParameters parameters, double propensity) {
		if (!(propensity > 0 && propensity < 1)) {
			throw new IllegalArgumentException("propensity must be in (0, 1): " + propensity);
		}
		OutcomeModels models = OutcomeModels.of(sample, parameters);
		TwoModelUplift outcomes = TwoModelUplift.fit(sample, models);
		DesignMatrix x = models.training();
		double[] controlChurn = outcomes.churnWithoutAction(x);
		double[] treatedChurn = outcomes.churnWithAction(x);
		int[] treatedRows = sample.rowsWhere(true);
		int[] controlRows = sample.rowsWhere(false);
		double[] avoided = new double[treatedRows.length];
		for (int i = 0; i < treatedRows.length; i++) {
			int row = treatedRows[i];
			avoided[i] = controlChurn[row] - sample.churned()[row];
		}
		double[] wouldAvoid = new double[controlRows.length];
		for (int i = 0; i < controlRows.length; i++) {
			int row = controlRows[i];
			wouldAvoid[i] = sample.churned()[row] - treatedChurn[row];
		}
		Boosters treatedEffect = models.regressor(treatedRows, avoided);
		Boosters controlEffect = models.regressor(controlRows, wouldAvoid);
		return new XLearnerUplift(models.pipeline(), outcomes, controlEffect, treatedEffect, propensity);
	}

	@Override
	public double[] uplift(Frame features) {
		DesignMatrix x = this.pipeline.transform(features);
		double[] fromControl = this.controlEffect.margins(x);
		double[] fromTreated = this.treatedEffect.margins(x);
		double[] uplift = new double[fromControl.length];
		for (int i = 0; i < uplift.length; i++) {
			uplift[i] = this.propensity * fromControl[i] + (1 - this.propensity) * fromTreated[i];
		}
		return uplift;
	}

	@Override
	public double[] churnWithoutAction(Frame features) {
		return this.outcomes.churnWithoutAction(features);
	}

	/**
	 * The propensity the effects are blended by.
	 * @return the probability of being treated
	 */
	public double propensity() {
		return this.propensity;
	}

	FeaturePipeline pipeline() {
		return this.pipeline;
	}

	TwoModelUplift outcomes() {
		return this.outcomes;
	}

	Boosters controlEffect() {
		return this.controlEffect;
	}

	Boosters treatedEffect() {
		return this.treatedEffect;
	}

}
