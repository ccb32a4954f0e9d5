package io.churnguard.ml.model.lr;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.InferredTable;
import io.churnguard.ml.data.PipelineOptions;
import io.churnguard.ml.data.TypeInference;
import io.churnguard.ml.model.Labels;
import io.churnguard.ml.testing.Datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our users' analysis of the China Unicom data, as documented in
 * {@code docs/examples/unicom-logistic-regression.md}: logistic regression on every
 * variable including 使用月数, the significance of each, backward elimination at p > 0.05,
 * and the variables that remain with their odds ratios.
 */
class UnicomLogisticRegressionExampleTest {

	@Test
	void backwardEliminationKeepsExtraCallMinutesGroupAccountAndMonthsOfUse() {
		InferredTable table = TypeInference.read(Datasets.unicom());
		int[] y = Labels.encode(table.frame().column("流失用户"), "1").y();
		Frame variables = table.frame().without(List.of("用户编号", "流失用户"));
		DesignMatrix x = FeaturePipeline.fit(variables, y, PipelineOptions.forLinearModels(0)).training();
		LogisticData data = LogisticData.of(x, y);

		LogisticRegressionFit full = LogisticRegression.create().fit(data);
		assertThat(full.separation().detected()).isFalse();
		assertThat(full.test("使用月数").pValue()).isLessThan(1e-50);
		assertThat(full.test("集团用户").pValue()).isLessThan(0.001);
		assertThat(full.test("改变行为").pValue()).isGreaterThan(0.9);

		VariableSelection.Result result = new VariableSelection(LogisticRegression.create()).backwardByPValue(data,
				0.05);
		assertThat(result.steps()).extracting(VariableSelection.Step::dropped)
			.containsExactly("改变行为", "关联购买", "套餐金额", "额外流量", "服务合约");
		assertThat(result.selected()).containsExactly("额外通话时长", "集团用户", "使用月数");
		LogisticRegressionFit fit = result.fit();
		assertThat(fit.coefficient("使用月数").oddsRatio()).isCloseTo(0.3096, within(0.0005));
		assertThat(fit.coefficient("集团用户").oddsRatio()).isCloseTo(0.4197, within(0.0005));
		assertThat(fit.coefficient("额外通话时长").oddsRatio()).isCloseTo(0.99950, within(0.00001));
		assertThat(fit.coefficients()).allMatch((c) -> c.pValue() < 0.05);

		VariableSelection.Result byAic = new VariableSelection(LogisticRegression.create()).backwardByAic(data);
		assertThat(byAic.selected()).containsExactly("额外通话时长", "集团用户", "使用月数");
	}

}
