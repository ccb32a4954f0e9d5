package io.churnguard.ml.feature;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a training set observes customers and what its label covers. Observation dates run
 * from {@code first} every {@code everyDays} days; a row observed at D is labelled 1 when
 * the customer churns in {@code [D + leadDays, D + leadDays + horizonDays)}. Only dates
 * whose label window (plus the churn definition's confirmation days) ends by
 * {@code dataEnd} are used, so every label is fully known.
 *
 * @param first the first observation date
 * @param everyDays days between observation dates
 * @param leadDays the gap between observation and label window: the time left to act
 * @param horizonDays the length of the label window
 * @param dataEnd the first day after the data
 */
public record ObservationSchedule(LocalDate first, int everyDays, int leadDays, int horizonDays, LocalDate dataEnd) {

	public ObservationSchedule {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(dataEnd, "dataEnd");
		if (everyDays < 1 || horizonDays < 1 || leadDays < 0) {
			throw new IllegalArgumentException("everyDays and horizonDays must be positive and leadDays not negative");
		}
	}

	/**
	 * The observation days whose labels are fully known.
	 * @param confirmationDays days after the label window needed to know a churn
	 * @return epoch days in ascending order
	 */
	int[] days(int confirmationDays) {
		int start = (int) this.first.toEpochDay();
		int last = (int) this.dataEnd.toEpochDay() - this.leadDays - this.horizonDays - confirmationDays;
		if (last < start) {
			return new int[0];
		}
		int count = (last - start) / this.everyDays + 1;
		int[] days = new int[count];
		for (int i = 0; i < count; i++) {
			days[i] = start + i * this.everyDays;
		}
		return days;
	}

}
