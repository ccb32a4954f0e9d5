package io.churnguard.app.warning.internal;

import java.util.Arrays;

import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules evaluated on one customer's features, the way raising evaluates them: one set of
 * variables shared by every rule.
 */
class RuleExpressionTest {

	static final FeatureSet FEATURES = FeatureSet.defaults();

	@Test
	void aRuleHoldsOnTheCustomersFeaturesProbabilityAndBand() {
		FeatureVector customer = customer("complaints_30d", 2.0, "contract_days_left", 12.0);
		var variables = RuleExpression.variables(customer, 0.82, "high");

		assertThat(rule("complaints_30d >= 2.0 && contract_days_left <= 30.0").matches(variables)).isTrue();
		assertThat(rule("complaints_30d >= 3.0").matches(variables)).isFalse();
		assertThat(rule("probability > 0.8 && risk_band == 'high'").matches(variables)).isTrue();
		assertThat(rule("risk_band == 'medium'").matches(variables)).isFalse();
	}

	@Test
	void anAbsentFeatureComparesFalseExceptForInequalityAndAnAbsentCategoryIsEmpty() {
		FeatureVector customer = customer("complaints_30d", 1.0);
		var variables = RuleExpression.variables(customer, 0.3, "low");

		assertThat(rule("contract_days_left <= 30.0").matches(variables)).isFalse();
		assertThat(rule("contract_days_left > 30.0").matches(variables)).isFalse();
		assertThat(rule("contract_days_left != 30.0").matches(variables)).isTrue();
		assertThat(rule("plan == ''").matches(variables)).isTrue();
	}

	@Test
	void aRuleThatCannotBeEvaluatedForACustomerDoesNotFire() {
		var variables = RuleExpression.variables(customer(), 0.3, "low");

		assertThat(rule("int(contract_days_left) > 1").matches(variables)).isFalse();
	}

	private static RuleExpression rule(String source) {
		return RuleExpression.compile(source, FEATURES);
	}

	/** Every numeric feature absent but those given, every category absent. */
	private static FeatureVector customer(Object... namesAndValues) {
		double[] numeric = new double[FEATURES.numericNames().size()];
		Arrays.fill(numeric, Double.NaN);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			numeric[FEATURES.numericIndex((String) namesAndValues[i])] = (Double) namesAndValues[i + 1];
		}
		return new FeatureVector(FEATURES, numeric, new String[FEATURES.categoricalNames().size()]);
	}

}
