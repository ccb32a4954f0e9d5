package io.churnguard.ml.feature;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Function;

import io.churnguard.ml.event.CustomerAttributes;

/**
 * Builds a training set: rows of point-in-time features at many observation dates per
 * customer, each labelled with whether the customer churned in the label window that
 * follows a lead-time gap.
 *
 * <p>
 * A customer is observed at D only when they had joined before D and had not churned
 * before D. Rows whose customer churned inside the lead-time gap are left out: the
 * warning would have come too late to act on, and counting them as either label would
 * teach the model something false.
 */
public final class TrainingSetBuilder {

	private final BatchFeatureRunner runner;

	private final ChurnDefinition churn;

	private final ObservationSchedule schedule;

	/**
	 * Creates a builder.
	 * @param plan the compiled features
	 * @param churn what counts as churn
	 * @param schedule the observation dates, lead time and horizon
	 * @param threads worker threads
	 */
	public TrainingSetBuilder(FeaturePlan plan, ChurnDefinition churn, ObservationSchedule schedule, int threads) {
		this.runner = new BatchFeatureRunner(plan, threads);
		this.churn = Objects.requireNonNull(churn, "churn");
		this.schedule = Objects.requireNonNull(schedule, "schedule");
	}

	/**
	 * The training set of a source's customers.
	 * @param source events grouped by customer, in time order
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @return the rows
	 * @throws IOException when the source fails
	 */
	public FeatureTable build(EventSource source, Function<String, CustomerAttributes> attributes) throws IOException {
		return this.runner.table(source, attributes, policy());
	}

	/**
	 * The training set of blocks of customers.
	 * @param blocks the blocks
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @return the rows
	 */
	public FeatureTable build(Iterator<EventBlock> blocks, Function<String, CustomerAttributes> attributes) {
		return this.runner.table(blocks, attributes, policy());
	}

	/**
	 * The observation policy: dates from the schedule, filtered per customer, with
	 * labels.
	 * @return the policy
	 */
	public ObservationPolicy policy() {
		int confirmation = this.churn.confirmationDays();
		int[] scheduled = this.schedule.days(confirmation);
		int dataEnd = (int) this.schedule.dataEnd().toEpochDay();
		int lead = this.schedule.leadDays();
		int horizon = this.schedule.horizonDays();
		return (customerId, attributes, events) -> {
			int churnDay = this.churn.churnDay(attributes, events, dataEnd);
			int joinDay = (attributes != null && attributes.joinDate() != null)
					? (int) attributes.joinDate().toEpochDay()
					: (events.size() > 0) ? events.day(0) : CustomerState.NONE;
			int[] days = new int[scheduled.length];
			int[] labels = new int[scheduled.length];
			int count = 0;
			for (int day : scheduled) {
				if (joinDay == CustomerState.NONE || day <= joinDay) {
					continue;
				}
				if (churnDay != CustomerState.NONE && churnDay < day + lead) {
					// Churned before the observation, or inside the gap.
					continue;
				}
				days[count] = day;
				labels[count] = (churnDay != CustomerState.NONE && churnDay < day + lead + horizon) ? 1 : 0;
				count++;
			}
			return new ObservationPolicy.Observations(Arrays.copyOf(days, count), Arrays.copyOf(labels, count));
		};
	}

}
