package io.churnguard.ml.feature;

import io.churnguard.ml.event.CustomerAttributes;

/**
 * A compiled numeric feature: reads a {@link CustomerState} after its windows have been
 * computed for the observation date. One subclass per {@link FeatureKind}.
 */
abstract class NumericFeature {

	final double missing;

	NumericFeature(FeatureDefinition definition) {
		this.missing = (definition.missing() != null) ? definition.missing() : Double.NaN;
	}

	/**
	 * The value, NaN when absent.
	 * @param state the state, windows computed
	 * @param earlier the numeric values computed so far, for ratios
	 */
	abstract double compute(CustomerState state, double[] earlier);

	static NumericFeature compile(FeatureDefinition definition, FeaturePlan plan, FeatureSet set) {
		return switch (definition.kind()) {
			case WINDOW -> new Window(definition, plan);
			case CHANGE -> new Change(definition, plan);
			case RECENCY -> new Recency(definition, plan);
			case TENURE_AVERAGE -> new TenureAverage(definition, plan);
			case RATIO -> new Ratio(definition, set);
			case ATTRIBUTE -> new Attribute(definition);
		};
	}

	static CategoricalFeature categorical(FeatureDefinition definition) {
		String attribute = definition.attribute();
		if ("plan".equals(attribute)) {
			return (state) -> (state.attributes != null) ? state.attributes.plan() : null;
		}
		return (state) -> (state.attributes != null) ? state.attributes.extra(attribute) : null;
	}

	/** Sum, count, mean, max or active days over one window. */
	private static final class Window extends NumericFeature {

		private final int slot;

		private final Aggregation aggregation;

		private final boolean amount;

		Window(FeatureDefinition definition, FeaturePlan plan) {
			super(definition);
			this.slot = plan.slot(plan.streamOf(definition), definition.window());
			this.aggregation = definition.aggregation();
			this.amount = definition.field() == ValueField.AMOUNT;
		}

		@Override
		double compute(CustomerState state, double[] earlier) {
			int i = this.slot;
			return switch (this.aggregation) {
				case COUNT -> state.windowCount[i];
				case ACTIVE_DAYS -> state.windowDays[i];
				case SUM -> this.amount ? state.windowAmountSum[i] : state.windowQuantitySum[i];
				case MEAN -> this.amount ? mean(state.windowAmountSum[i], state.windowAmountCount[i])
						: mean(state.windowQuantitySum[i], state.windowQuantityCount[i]);
				case MAX -> this.amount ? state.windowAmountMax[i] : state.windowQuantityMax[i];
				default -> throw new IllegalStateException(this.aggregation.name());
			};
		}

		private static double mean(double sum, double count) {
			return (count > 0) ? sum / count : Double.NaN;
		}

	}

	/**
	 * The daily rate over the recent period divided by the daily rate over the previous
	 * period. Periods are cut to the customer's tenure, so that a customer who joined 40
	 * days ago is compared over the 10 days they had before the recent 30, not over 60
	 * days of which 50 precede them.
	 */
	private static final class Change extends NumericFeature {

		private final int recentSlot;

		private final int totalSlot;

		private final Aggregation aggregation;

		private final boolean amount;

		private final int recentDays;

		private final int previousDays;

		Change(FeatureDefinition definition, FeaturePlan plan) {
			super(definition);
			int stream = plan.streamOf(definition);
			this.recentSlot = plan.slot(stream, definition.window());
			this.totalSlot = plan.slot(stream, definition.window() + definition.previousWindow());
			this.aggregation = definition.aggregation();
			this.amount = definition.field() == ValueField.AMOUNT;
			this.recentDays = definition.window();
			this.previousDays = definition.previousWindow();
		}

		@Override
		double compute(CustomerState state, double[] earlier) {
			double recent = value(state, this.recentSlot);
			double previous = value(state, this.totalSlot) - recent;
			double recentLength = this.recentDays;
			double previousLength = this.previousDays;
			if (state.joinDay != CustomerState.NONE) {
				int tenure = state.asOf - state.joinDay;
				recentLength = Math.min(this.recentDays, tenure);
				previousLength = Math.min(this.previousDays, tenure - this.recentDays);
			}
			return change(recent, recentLength, previous, previousLength);
		}

		private double value(CustomerState state, int slot) {
			return switch (this.aggregation) {
				case COUNT -> state.windowCount[slot];
				case ACTIVE_DAYS -> state.windowDays[slot];
				case SUM -> this.amount ? state.windowAmountSum[slot] : state.windowQuantitySum[slot];
				default -> throw new IllegalStateException(this.aggregation.name());
			};
		}

	}

	/**
	 * The change ratio of two period totals: 1 when both are zero (nothing changed), NaN
	 * when a period has no length or only the previous one is zero (growth from nothing
	 * has no ratio).
	 * @param recent the recent total
	 * @param recentLength the recent period's length in days
	 * @param previous the previous total
	 * @param previousLength the previous period's length in days
	 * @return the ratio of the daily rates
	 */
	static double change(double recent, double recentLength, double previous, double previousLength) {
		if (recentLength <= 0 || previousLength <= 0) {
			return Double.NaN;
		}
		if (previous == 0) {
			return (recent == 0) ? 1.0 : Double.NaN;
		}
		return (recent / recentLength) / (previous / previousLength);
	}

	/** Days since the first or last event of a stream. */
	private static final class Recency extends NumericFeature {

		private final int stream;

		private final boolean last;

		Recency(FeatureDefinition definition, FeaturePlan plan) {
			super(definition);
			this.stream = plan.streamOf(definition);
			this.last = definition.aggregation() == Aggregation.DAYS_SINCE_LAST;
		}

		@Override
		double compute(CustomerState state, double[] earlier) {
			int day = this.last ? state.lastDay[this.stream] : state.firstDay[this.stream];
			return (day == CustomerState.NONE) ? Double.NaN : state.asOf - day;
		}

	}

	/**
	 * A lifetime total per month of tenure, tenure counted from joining (or else the
	 * first event).
	 */
	private static final class TenureAverage extends NumericFeature {

		private final int stream;

		private final Aggregation aggregation;

		private final boolean amount;

		TenureAverage(FeatureDefinition definition, FeaturePlan plan) {
			super(definition);
			this.stream = plan.streamOf(definition);
			this.aggregation = definition.aggregation();
			this.amount = definition.field() == ValueField.AMOUNT;
		}

		@Override
		double compute(CustomerState state, double[] earlier) {
			int start = (state.joinDay != CustomerState.NONE) ? state.joinDay : state.firstEventDay;
			if (start == CustomerState.NONE) {
				return Double.NaN;
			}
			double months = Math.max(1.0, (state.asOf - start) / CustomerState.DAYS_PER_MONTH);
			double total = (this.aggregation == Aggregation.COUNT) ? state.totalCount[this.stream]
					: this.amount ? state.totalAmount[this.stream] : state.totalQuantity[this.stream];
			return total / months;
		}

	}

	/**
	 * One earlier feature divided by another; NaN when the denominator is zero or absent.
	 */
	private static final class Ratio extends NumericFeature {

		private final int numerator;

		private final int denominator;

		Ratio(FeatureDefinition definition, FeatureSet set) {
			super(definition);
			this.numerator = set.numericIndex(definition.numerator());
			this.denominator = set.numericIndex(definition.denominator());
		}

		@Override
		double compute(CustomerState state, double[] earlier) {
			double below = earlier[this.denominator];
			return (below == 0 || Double.isNaN(below)) ? Double.NaN : earlier[this.numerator] / below;
		}

	}

	/**
	 * A numeric attribute of the customer archive, some of them relative to the
	 * observation date.
	 */
	private static final class Attribute extends NumericFeature {

		private final String attribute;

		Attribute(FeatureDefinition definition) {
			super(definition);
			this.attribute = definition.attribute();
		}

		@Override
		double compute(CustomerState state, double[] earlier) {
			CustomerAttributes attributes = state.attributes;
			if (attributes == null) {
				return Double.NaN;
			}
			return switch (this.attribute) {
				case "tenure_months" -> (state.joinDay == CustomerState.NONE) ? Double.NaN
						: (state.asOf - state.joinDay) / CustomerState.DAYS_PER_MONTH;
				case "tenure_days" -> (state.joinDay == CustomerState.NONE) ? Double.NaN : state.asOf - state.joinDay;
				case "contract_days_left" -> (state.contractEndDay == CustomerState.NONE) ? Double.NaN
						: Math.max(0, state.contractEndDay - state.asOf);
				case "monthly_fee" -> attributes.monthlyFee();
				case "group_account" ->
					(attributes.groupAccount() == null) ? Double.NaN : (attributes.groupAccount() ? 1 : 0);
				default -> parse(attributes.extra(this.attribute));
			};
		}

		private static double parse(String value) {
			if (value == null) {
				return Double.NaN;
			}
			try {
				return Double.parseDouble(value.strip());
			}
			catch (NumberFormatException ex) {
				return Double.NaN;
			}
		}

	}

}
