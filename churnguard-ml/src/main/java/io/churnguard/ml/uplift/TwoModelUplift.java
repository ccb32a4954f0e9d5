package io.churnguard.ml.uplift;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.gbdt.GbdtParameters;

/**
 * The two-model (T-) learner: one churn classifier trained on the control group, one on
 * the treated group, and the uplift is the difference of their probabilities,
 * {@code μ0(x) − μ1(x)}.
 *
 * <p>
 * Simple and unbiased under randomisation, but each model fits its own noise, so the
 * difference is noisy where the effect is small next to the risk; the
 * {@link XLearnerUplift} builds on it to do better.
 */
public final class TwoModelUplift implements UpliftModel {

	private final FeaturePipeline pipeline;

	private final Boosters control;

	private final Boosters treated;

	TwoModelUplift(FeaturePipeline pipeline, Boosters control, Boosters treated) {
		this.pipeline = pipeline;
		this.control = control;
		this.treated = treated;
	}

	/**
	 * Trains the two classifiers.
	 * @param sample the campaign's customers
	 * @param parameters the boosting parameters of both classifiers
	 * @return the model
	 */
	public static TwoModelUplift fit(UpliftSample sample, GbdtParameters parameters) {
		return fit(sample, OutcomeModels.of(sample, parameters));
	}

	static TwoModelUplift fit(UpliftSample sample, OutcomeModels models) {
		Boosters control = models.classifier(sample.rowsWhere(false), sample.churned());
		Boosters treated = models.classifier(sample.rowsWhere(true), sample.churned());
		return new TwoModelUplift(models.pipeline(), control, treated);
	}

	@Override
	public double[] uplift(Frame features) {
		DesignMatrix x = this.pipeline.transform(features);
		double[] withoutAction = this.control.probabilities(x);
		double[] withAction = this.treated.probabilities(x);
		for (int i = 0; i < withoutAction.length; i++) {
			withoutAction[i] -= withAction[i];
		}
		return withoutAction;
	}

	@Override
	public double[] churnWithoutAction(Frame features) {
		return this.control.probabilities(this.pipeline.transform(features));
	}

	/**
	 * The estimated churn probability of each row with the action.
	 * @param features the customers' features
	 * @return one probability per row
	 */
	public double[] churnWithAction(Frame features) {
		return this.treated.probabilities(this.pipeline.transform(features));
	}

	double[] churnWithoutAction(DesignMatrix x) {
		return this.control.probabilities(x);
	}

	double[] churnWithAction(DesignMatrix x) {
		return this.treated.probabilities(x);
	}

	FeaturePipeline pipeline() {
		return this.pipeline;
	}

	Boosters control() {
		return this.control;
	}

	Boosters treated() {
		return this.treated;
	}

}
