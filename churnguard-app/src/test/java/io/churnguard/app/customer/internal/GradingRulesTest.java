package io.churnguard.app.customer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.churnguard.app.customer.ValueGrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradingRulesTest {

	private final GradingRules rules = GradingRules.defaults();

	@Test
	void aCustomerSpendingThreeHundredAMonthIsDiamond() {
		assertThat(grade(320, 3840, 12, false)).isEqualTo(ValueGrade.A);
	}

	@Test
	void aGroupAccountReachesDiamondAtTwoHundred() {
		assertThat(grade(220, 2640, 12, true)).isEqualTo(ValueGrade.A);
		assertThat(grade(220, 2640, 12, false)).isEqualTo(ValueGrade.B);
	}

	@Test
	void longTenureLiftsAHundredYuanCustomerToPlatinum() {
		assertThat(grade(110, 1320, 72, false)).isEqualTo(ValueGrade.B);
		assertThat(grade(110, 1320, 24, false)).isEqualTo(ValueGrade.C);
	}

	@Test
	void anyoneWhoSpentIsAtLeastOrdinaryAndNoSpendMeansEnquiryOnly() {
		assertThat(grade(38, 456, 6, false)).isEqualTo(ValueGrade.D);
		assertThat(grade(0, 0, 1, false)).isEqualTo(ValueGrade.E);
	}

	@Test
	void theDecisionNamesTheRuleForTheGradeHistory() {
		assertThat(this.rules.grade(new GradingRules.Metrics(320, 3840, 12, false)).rule()).contains("300");
	}

	@Test
	void aRulesFileReplacesTheDefaults(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("rules.yaml"), """
				rules:
				  - grade: A
				    name: 银行私行客户
				    when: { spend_12m_min: 100000 }
				  - grade: C
				    name: 老客户
				    when: { tenure_months_min: 36, arpu_max: 50 }
				otherwise: { grade: D, name: 其他 }
				""");
		GradingRules rules = GradingRules.load(file);
		assertThat(rules.grade(new GradingRules.Metrics(500, 120_000, 1, false)).grade()).isEqualTo(ValueGrade.A);
		assertThat(rules.grade(new GradingRules.Metrics(40, 480, 48, false)).grade()).isEqualTo(ValueGrade.C);
		assertThat(rules.grade(new GradingRules.Metrics(60, 720, 48, false)))
			.isEqualTo(new GradingRules.Decision(ValueGrade.D, "其他"));
	}

	@Test
	void aRuleWithoutConditionsOrAFileWithoutOtherwiseIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
		Path noConditions = Files.writeString(dir.resolve("a.yaml"), """
				rules:
				  - { grade: A, name: everyone }
				otherwise: { grade: E, name: rest }
				""");
		assertThatThrownBy(() -> GradingRules.load(noConditions)).hasMessageContaining("has no conditions");
		Path noOtherwise = Files.writeString(dir.resolve("b.yaml"), """
				rules:
				  - { grade: A, name: rich, when: { arpu_min: 300 } }
				""");
		assertThatThrownBy(() -> GradingRules.load(noOtherwise)).hasMessageContaining("otherwise");
		Path misspelt = Files.writeString(dir.resolve("c.yaml"), """
				rules:
				  - { grade: A, name: rich, when: { arpu_minimum: 300 } }
				otherwise: { grade: E, name: rest }
				""");
		assertThatThrownBy(() -> GradingRules.load(misspelt)).hasMessageContaining("arpu_minimum");
	}

	private ValueGrade grade(double arpu, double spend, int tenure, boolean group) {
		return this.rules.grade(new GradingRules.Metrics(arpu, spend, tenure, group)).grade();
	}

}
