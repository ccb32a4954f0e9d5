package io.churnguard.app.customer.internal;

import io.churnguard.app.customer.ValueGrade;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

	private ValueGrade grade(double arpu, double spend, int tenure, boolean group) {
		return this.rules.grade(new GradingRules.Metrics(arpu, spend, tenure, group)).grade();
	}

}
