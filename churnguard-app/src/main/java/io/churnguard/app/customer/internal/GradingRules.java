package io.churnguard.app.customer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.churnguard.app.customer.ValueGrade;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The value grading rules: an ordered list, first match wins, and a grade for everyone
 * else. A small policy object, so the rules can be tested as scenarios and shown to users
 * as written.
 *
 * @param rules the rules in order
 * @param otherwise the grade of customers matching no rule
 */
record GradingRules(List<Rule> rules, Rule otherwise) {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	GradingRules {
		rules = List.copyOf((rules != null) ? rules : List.of());
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (rule.grade() == null || rule.name() == null || rule.name().isBlank()) {
				throw new IllegalArgumentException("grading rule " + (i + 1) + " needs a grade and a name");
			}
			// A rule without conditions would silently take everyone after it.
			if (rule.when() == null || rule.when().isEmpty()) {
				throw new IllegalArgumentException("grading rule " + (i + 1) + " ('" + rule.name()
						+ "') has no conditions; say who else gets a grade with 'otherwise'");
			}
		}
		if (otherwise == null || otherwise.grade() == null || otherwise.name() == null) {
			throw new IllegalArgumentException("grading rules need an 'otherwise' grade and name");
		}
	}

	static GradingRules defaults() {
		try (InputStream in = GradingRules.class.getResourceAsStream("/grading-rules.yaml")) {
			return YAML.readValue(in, GradingRules.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static GradingRules load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return YAML.readValue(in, GradingRules.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the grading rules " + file + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("the grading rules " + file + " are invalid: " + ex.getMessage(), ex);
		}
	}

	/** The grade of a customer and the rule that gave it. */
	Decision grade(Metrics metrics) {
		for (Rule rule : this.rules) {
			if (rule.when().holdsFor(metrics)) {
				return new Decision(rule.grade(), rule.name());
			}
		}
		return new Decision(this.otherwise.grade(), this.otherwise.name());
	}

	/**
	 * @param grade the grade it gives
	 * @param name what it says, shown in the grade history
	 * @param when its conditions
	 */
	record Rule(ValueGrade grade, String name, Condition when) {
	}

	/** Conditions that must all hold; absent ones do not count. */
	record Condition(@JsonProperty("arpu_min") Double arpuMin, @JsonProperty("arpu_max") Double arpuMax,
			@JsonProperty("spend_12m_min") Double spend12mMin,
			@JsonProperty("tenure_months_min") Integer tenureMonthsMin,
			@JsonProperty("group_account") Boolean groupAccount) {

		boolean isEmpty() {
			return this.arpuMin == null && this.arpuMax == null && this.spend12mMin == null
					&& this.tenureMonthsMin == null && this.groupAccount == null;
		}

		boolean holdsFor(Metrics m) {
			return (this.arpuMin == null || m.arpu() >= this.arpuMin)
					&& (this.arpuMax == null || m.arpu() < this.arpuMax)
					&& (this.spend12mMin == null || m.spend12m() >= this.spend12mMin)
					&& (this.tenureMonthsMin == null || m.tenureMonths() >= this.tenureMonthsMin)
					&& (this.groupAccount == null || m.groupAccount() == this.groupAccount);
		}

	}

	/**
	 * What the rules look at.
	 *
	 * @param arpu average monthly bill over the last 3 months (or the monthly fee)
	 * @param spend12m bills and orders over the last 12 months
	 * @param tenureMonths months since joining
	 * @param groupAccount a group account
	 */
	record Metrics(double arpu, double spend12m, int tenureMonths, boolean groupAccount) {
	}

	record Decision(ValueGrade grade, String rule) {
	}

}
