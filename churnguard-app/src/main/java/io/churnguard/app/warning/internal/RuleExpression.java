package io.churnguard.app.warning.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureVector;

/**
 * A business rule as a CEL expression over a customer's features — e.g.
 * {@code usage_voice_30d_change < 0.5 && complaints_30d >= 2.0}. CEL is sandboxed: no
 * loops, no I/O, no access to anything but the declared variables, so a rule edited in
 * the console cannot run arbitrary code. Every numeric feature is a {@code double}, every
 * categorical one a {@code string}, plus {@code probability} and {@code risk_band} of the
 * latest score. An absent numeric value is NaN, for which every comparison is false.
 */
final class RuleExpression {

	private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

	private final String source;

	private final CelRuntime.Program program;

	private RuleExpression(String source, CelRuntime.Program program) {
		this.source = source;
		this.program = program;
	}

	/**
	 * Compiles and type-checks an expression against the feature set.
	 * @throws InvalidRuleException with CEL's message naming the problem
	 */
	static RuleExpression compile(String source, FeatureSet features) {
		if (source == null || source.isBlank()) {
			throw new InvalidRuleException("the expression is empty");
		}
		try {
			CelAbstractSyntaxTree ast = compiler(features).compile(source).getAst();
			return new RuleExpression(source, RUNTIME.createProgram(ast));
		}
		catch (CelValidationException ex) {
			throw new InvalidRuleException(ex.getMessage());
		}
		catch (CelEvaluationException ex) {
			throw new InvalidRuleException(ex.getMessage());
		}
	}

	boolean matches(FeatureVector features, double probability, String riskBand) {
		return matches(variables(features, probability, riskBand));
	}

	/**
	 * Whether the rule holds for a customer's variables (see {@link #variables}), which
	 * can be built once and shared by every rule.
	 */
	boolean matches(CelVariableResolver variables) {
		try {
			// Through a resolver, not eval(Map): CEL copies a map into an immutable one
			// on every evaluation — every feature, for every rule and customer — while
			// a resolver is asked only for the variables the expression names.
			return Boolean.TRUE.equals(this.program.eval(variables));
		}
		catch (CelEvaluationException ex) {
			// A rule that cannot be evaluated for a customer (e.g. a division by zero)
			// does not fire.
			return false;
		}
	}

	String source() {
		return this.source;
	}

	/**
	 * A message template with {@code {feature}} placeholders filled with the customer's
	 * values.
	 */
	static String render(String template, FeatureVector features) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value;
			if (features.featureSet().numericNames().contains(name)) {
				value = format(features.value(name));
			}
			else if (features.featureSet().categoricalNames().contains(name)) {
				value = String.valueOf(features.category(name));
			}
			else {
				value = matcher.group();
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "—";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e12) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * A customer's variables for rule evaluation: every feature, the probability and the
	 * risk band, built once per customer and shared by every rule. CEL asks only for the
	 * names an expression uses, so they are looked up by position in the feature vector
	 * when asked — a daily run evaluates the rules for every customer, and copying each
	 * one's sixty-odd features into a map was most of that work.
	 */
	static CelVariableResolver variables(FeatureVector features, double probability, String riskBand) {
		FeatureSet set = features.featureSet();
		return name -> {
			switch (name) {
				case "probability":
					return Optional.of(probability);
				case "risk_band":
					return Optional.of((riskBand != null) ? riskBand : "");
				default:
					break;
			}
			int numeric = set.numericIndex(name);
			if (numeric >= 0) {
				return Optional.of(features.numeric()[numeric]);
			}
			int categorical = set.categoricalIndex(name);
			if (categorical >= 0) {
				String value = features.categorical()[categorical];
				return Optional.of((value != null) ? value : "");
			}
			return Optional.empty();
		};
	}

	private static CelCompiler compiler(FeatureSet features) {
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
		features.numericNames().forEach(name -> builder.addVar(name, SimpleType.DOUBLE));
		features.categoricalNames().forEach(name -> builder.addVar(name, SimpleType.STRING));
		builder.addVar("probability", SimpleType.DOUBLE);
		builder.addVar("risk_band", SimpleType.STRING);
		return builder.build();
	}

	/** A rule that does not compile, with the reason. */
	static class InvalidRuleException extends IllegalArgumentException {

		InvalidRuleException(String message) {
			super(message);
		}

	}

}
