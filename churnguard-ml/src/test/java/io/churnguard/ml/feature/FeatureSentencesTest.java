package io.churnguard.ml.feature;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureSentencesTest {

	private final FeatureSet defaults = FeatureSet.defaults();

	private String zh(String name, double value) {
		return this.defaults.get(name).describe(value, Locale.SIMPLIFIED_CHINESE);
	}

	private String en(String name, double value) {
		return this.defaults.get(name).describe(value, Locale.ENGLISH);
	}

	@Test
	void aFallInUsageReadsAsAPercentage() {
		assertThat(zh("usage_voice_30d_change", 0.38)).isEqualTo("近30天通话时长较前60天下降62%");
		assertThat(en("usage_voice_30d_change", 0.38))
			.isEqualTo("call minutes in the last 30 days fell 62 % against the previous 60");
		assertThat(en("usage_data_30d_change", 1.15))
			.isEqualTo("data use in the last 30 days rose 15 % against the previous 60");
		assertThat(zh("usage_data_30d_change", 1.0)).isEqualTo("近30天流量较前60天持平");
	}

	@Test
	void countsReadNaturallyInTheSingularAndPlural() {
		assertThat(zh("complaints_30d", 3)).isEqualTo("近30天投诉3次");
		assertThat(en("complaints_30d", 3)).isEqualTo("3 complaints in the last 30 days");
		assertThat(en("complaints_30d", 1)).isEqualTo("1 complaint in the last 30 days");
		assertThat(en("complaints_30d", 0)).isEqualTo("no complaints in the last 30 days");
		assertThat(zh("complaints_30d", 0)).isEqualTo("近30天没有投诉");
	}

	@Test
	void recencyMoneySharesAndFlagsReadNaturally() {
		assertThat(zh("days_since_last_login", 45)).isEqualTo("距上次登录已45天");
		assertThat(en("days_since_last_login", Double.NaN)).isEqualTo("has never logged in");
		assertThat(zh("monthly_fee", 99)).isEqualTo("月费99.00元");
		assertThat(en("monthly_fee", 99)).isEqualTo("pays CNY 99.00 a month");
		assertThat(en("late_payment_share_180d", 0.4)).isEqualTo("40 % of payments in the last 180 days were late");
		assertThat(zh("group_account", 1)).isEqualTo("集团客户");
		assertThat(en("group_account", 0)).isEqualTo("not a group account");
		assertThat(zh("contract_days_left", 0)).isEqualTo("合约已到期");
		assertThat(en("tenure_months", 25.36)).isEqualTo("a customer for 25.4 months");
		assertThat(en("complaints_per_contact_90d", 0.5))
			.isEqualTo("0.5 complaints per service contact in the last 90 days");
	}

	@Test
	void categoriesReadNaturally() {
		assertThat(this.defaults.get("plan").describeCategory("畅享99", Locale.CHINA)).isEqualTo("使用畅享99套餐");
		assertThat(this.defaults.get("grade").describeCategory(null, Locale.ENGLISH)).isEqualTo("not yet graded");
	}

	@Test
	void everyDefaultFeatureHasASentenceInBothLanguagesForEveryKindOfValue() {
		for (FeatureDefinition definition : this.defaults.definitions()) {
			for (double value : new double[] { 0, 1, 2.5, Double.NaN }) {
				for (Locale locale : new Locale[] { Locale.CHINA, Locale.ENGLISH }) {
					String sentence = definition.isCategorical() ? definition.describeCategory("A", locale)
							: definition.describe(value, locale);
					assertThat(sentence).as(definition.name() + " " + value + " " + locale)
						.isNotBlank()
						.doesNotContain("{")
						.doesNotContain("NaN");
				}
			}
		}
	}

}
