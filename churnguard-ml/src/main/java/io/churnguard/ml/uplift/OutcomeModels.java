package io.churnguard.ml.uplift;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.PipelineOptions;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.model.gbdt.GradientBoosting;

/**
 * The learners' shared plumbing: one feature pipeline fitted on the whole sample (so
 * every sub-model reads the same design columns) and the library's gradient boosting for
 * the outcome classifiers and effect regressors fitted on subsets of its rows.
 */
final class OutcomeModels {

	private final FeaturePipeline pipeline;

	private final DesignMatrix design;

	private final GbdtParameters parameters;

	private OutcomeModels(FeaturePipeline pipeline, DesignMatrix design, GbdtParameters parameters) {
		this.pipeline = pipeline;
		this.design = design;
		this.parameters = parameters;
	}

	static OutcomeModels of(UpliftSample sample, GbdtParameters parameters) {
		FeaturePipeline.Fitted fitted = FeaturePipeline.fit(sample.features(), sample.churned(),
				PipelineOptions.forTrees(parameters.seed()));
		return new OutcomeModels(fitted.pipeline(), fitted.training(), parameters);
	}

	FeaturePipeline pipeline() {
		return this.pipeline;
	}

	DesignMatrix design(Frame features) {
		return this.pipeline.transform(features);
	}

	/** A churn classifier on some rows of the sample. */
	Boosters classifier(int[] rows, int[] churned) {
		return Boosters.of(GradientBoosting.fit(this.design.rows(rows), subset(churned, rows), this.parameters));
	}

	/** A least-squares regressor of per-row targets on some rows of the sample. */
	Boosters regressor(int[] rows, double[] targets) {
		return Boosters.of(GradientBoosting.regressFit(this.design.rows(rows), targets, this.parameters));
	}

	/** The sample's own design rows. */
	DesignMatrix training() {
		return this.design;
	}

	private static int[] subset(int[] values, int[] rows) {
		int[] out = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			out[i] = values[rows[i]];
		}
		return out;
	}

}
