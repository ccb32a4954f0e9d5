package io.churnguard.ml.event;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What the feature engine and the churn definition need from a customer's archive record
 * (customers.csv): dates, plan, fee, group account and churn status. Personal data (name,
 * phone, ID number) is deliberately left out; other columns are kept in {@code extras}
 * for attribute features such as a value grade.
 *
 * @param customerId the customer's id
 * @param joinDate when the customer joined; null when unknown
 * @param contractEndDate end of the current contract; null when none
 * @param plan the product or plan name; null when unknown
 * @param monthlyFee monthly fee in CNY, or {@link Double#NaN} when unknown
 * @param groupAccount whether it is a group (集团) account; null when unknown
 * @param churned whether the archive marks the customer as churned
 * @param churnDate when a churned customer left; null when unknown or active
 * @param churnReason the recorded reason, e.g. {@code port_out}; null when none
 * @param extras further non-personal columns by name (e.g. {@code channel},
 * {@code province}, {@code grade}); never null
 */
public record CustomerAttributes(String customerId, LocalDate joinDate, LocalDate contractEndDate, String plan,
		double monthlyFee, Boolean groupAccount, boolean churned, LocalDate churnDate, String churnReason,
		Map<String, String> extras) {

	public CustomerAttributes {
		Objects.requireNonNull(customerId, "customerId");
		extras = (extras != null) ? Map.copyOf(extras) : Map.of();
	}

	/**
	 * Attributes with only an id and a join date, e.g. for tests and customers not yet in
	 * the archive.
	 * @param customerId the customer's id
	 * @param joinDate when the customer joined, or null
	 * @return the attributes
	 */
	public static CustomerAttributes of(String customerId, LocalDate joinDate) {
		return new CustomerAttributes(customerId, joinDate, null, null, Double.NaN, null, false, null, null, Map.of());
	}

	/**
	 * An extra column's value.
	 * @param column the column name
	 * @return the value, or null when absent or empty
	 */
	public String extra(String column) {
		String value = this.extras.get(column);
		return (value == null || value.isEmpty()) ? null : value;
	}

}
