package io.churnguard.app.customer;

import java.util.Locale;

/** Whether a customer is still with us. */
public enum CustomerStatus {

	ACTIVE, CHURNED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CustomerStatus fromCode(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

}
