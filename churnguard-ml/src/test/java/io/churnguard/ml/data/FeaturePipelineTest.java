package io.churnguard.ml.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturePipelineTest {

	private final Frame training = Frame.of(NumericColumn.of("fee", new double[] { 10, Double.NaN, 30, 40 }),
			CategoricalColumn.of("plan", "a", "a", "b", null));

	private final int[] y = { 0, 1, 0, 1 };

	@Test
	void linearModelsGetMediansMissingIndicatorsAndAReferenceLevel() {
		PipelineOptions options = new PipelineOptions(true, true, 20, 1, false, 5, 20, 1, 0);
		FeaturePipeline pipeline = FeaturePipeline.fit(this.training, this.y, options).pipeline();
		assertThat(pipeline.outputs()).containsExactly("fee", "fee (missing)", "plan=b", "plan=(missing)");
		DesignMatrix m = pipeline.transform(this.training);
		assertThat(m.get(1, 0)).isEqualTo(30f);
		assertThat(m.get(1, 1)).isEqualTo(1f);
		assertThat(m.get(0, 2)).isEqualTo(0f);
		assertThat(m.get(3, 3)).isEqualTo(1f);
	}

	@Test
	void aLevelFirstSeenAtScoringTimeCountsAsOther() {
		PipelineOptions options = new PipelineOptions(true, true, 20, 2, false, 5, 20, 1, 0);
		FeaturePipeline pipeline = FeaturePipeline.fit(this.training, this.y, options).pipeline();
		assertThat(pipeline.outputs()).contains("plan=(other)");
		Frame scoring = Frame.of(NumericColumn.of("fee", new double[] { 5 }), CategoricalColumn.of("plan", "zzz"));
		DesignMatrix m = pipeline.transform(scoring);
		assertThat(m.get(0, m.names().indexOf("plan=(other)"))).isEqualTo(1f);
	}

	@Test
	void treesSeeMissingValuesAsNaN() {
		FeaturePipeline pipeline = FeaturePipeline.fit(this.training, this.y, PipelineOptions.forTrees(1)).pipeline();
		DesignMatrix m = pipeline.transform(this.training);
		assertThat(m.get(1, 0)).isNaN();
	}

}
