package io.churnguard.ml.feature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeatureSetTest {

	@Test
	void theDefaultSetHasAtLeastFortyDescribedFeatures() {
		FeatureSet defaults = FeatureSet.defaults();
		assertThat(defaults.size()).isGreaterThanOrEqualTo(40);
		assertThat(defaults.numericNames()).contains("usage_voice_30d", "usage_voice_30d_change",
				"usage_data_30d_change", "complaints_30d", "complaints_90d", "overdue_payments_60d",
				"late_payments_90d", "days_since_last_login", "digital_active_days_30d", "contacts_30d",
				"downgrades_180d", "contract_days_left", "tenure_months", "monthly_fee", "group_account");
		assertThat(defaults.categoricalNames()).containsExactly("plan", "grade");
		for (FeatureDefinition definition : defaults.definitions()) {
			assertThat(definition.label(Locale.CHINA)).as(definition.name())
				.isNotBlank()
				.isNotEqualTo(definition.name());
			assertThat(definition.label(Locale.ENGLISH)).as(definition.name()).isNotBlank();
			assertThat(definition.unit()).as(definition.name()).isNotBlank();
		}
	}

	@Test
	void aFeatureSetSurvivesAYamlRoundTrip() throws Exception {
		FeatureSet defaults = FeatureSet.defaults();
		FeatureSet reread = FeatureSet
			.fromYaml(new ByteArrayInputStream(defaults.toYaml().getBytes(StandardCharsets.UTF_8)));
		assertThat(reread.definitions()).isEqualTo(defaults.definitions());
		assertThat(defaults.toYaml()).contains("kind: window").contains("event: plan_change");
	}

	@Test
	void yamlDefinitionsBindWithLowerCaseCodes() throws Exception {
		String yaml = """
				name: mine
				features:
				  - name: renewals_365d
				    kind: window
				    event: plan_change
				    subtype: renewal
				    aggregation: count
				    window: 365
				  - name: fee_per_renewal
				    kind: ratio
				    numerator: renewals_365d
				    denominator: renewals_365d
				""";
		FeatureSet set = FeatureSet.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
		assertThat(set.name()).isEqualTo("mine");
		assertThat(set.get("renewals_365d").event()).isEqualTo(EventType.PLAN_CHANGE);
		assertThat(set.get("renewals_365d").window()).isEqualTo(365);
	}

	@Test
	void aRatioMayOnlyNameEarlierFeatures() {
		FeatureDefinition ratio = FeatureDefinition.ratio("r", "a", "b");
		FeatureDefinition a = FeatureDefinition.window("a", EventType.USAGE, null, Aggregation.COUNT, null, 30);
		assertThatIllegalArgumentException().isThrownBy(() -> new FeatureSet("s", List.of(ratio, a)))
			.withMessageContaining("'a'");
	}

	@Test
	void definitionsNameWhatTheyLack() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FeatureDefinition.window("x", EventType.USAGE, null, Aggregation.SUM, null, 30))
			.withMessageContaining("field");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FeatureDefinition.window("x", EventType.USAGE, null, Aggregation.COUNT, null, 0))
			.withMessageContaining("window");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FeatureDefinition.window("Bad Name", null, null, Aggregation.COUNT, null, 30));
	}

}
