package io.churnguard.app.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * The archive's fields by their file and API names ({@code customer_id},
 * {@code join_date} …), in the order of the default customers.csv.
 */
public enum CustomerField {

	CUSTOMER_ID(true), NAME(true), GENDER(false), BIRTH_YEAR(false), PHONE(false), EMAIL(false), ID_CARD(false),
	PROVINCE(false), CITY(false), TEAM(false), CHANNEL(false), PLAN(false), MONTHLY_FEE(false), JOIN_DATE(true),
	CONTRACT_END_DATE(false), GROUP_ACCOUNT(false), OWNER(false), VALUE_GRADE(false), STATUS(false), CHURN_DATE(false),
	CHURN_REASON(false);

	// Looked up for every field of every imported row: computed once.
	private final String code = name().toLowerCase(Locale.ROOT);

	private final boolean required;

	CustomerField(boolean required) {
		this.required = required;
	}

	/** The name in files and JSON, e.g. {@code join_date}. */
	public String code() {
		return this.code;
	}

	public boolean required() {
		return this.required;
	}

	public static Optional<CustomerField> fromCode(String code) {
		for (CustomerField field : values()) {
			if (field.code().equalsIgnoreCase(code.strip())) {
				return Optional.of(field);
			}
		}
		return Optional.empty();
	}

}
