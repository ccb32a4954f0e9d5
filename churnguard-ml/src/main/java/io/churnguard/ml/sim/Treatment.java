package io.churnguard.ml.sim;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One retention action that reached one customer on one day: a row of treatments.csv.
 *
 * @param customerId the customer, e.g. {@code C00000042}
 * @param action what was done
 * @param date the day the action reached the customer; it acts from that day on
 */
public record Treatment(String customerId, RetentionAction action, LocalDate date) {

	public Treatment {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(date, "date");
	}

}
