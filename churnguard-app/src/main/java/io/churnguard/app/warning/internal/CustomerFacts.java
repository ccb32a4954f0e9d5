package io.churnguard.app.warning.internal;

/**
 * What routing needs to know of a customer.
 *
 * @param customerId the customer
 * @param grade value grade, or null
 * @param province province
 * @param team team
 * @param owner the customer's own agent
 * @param churnDate when a churned customer left, or null
 */
record CustomerFacts(String customerId, String grade, String province, String team, String owner,
		java.time.LocalDate churnDate) {

	/**
	 * Whether the customer was still a customer on a day (a back-test raises warnings for
	 * past days).
	 */
	boolean activeOn(java.time.LocalDate day) {
		return this.churnDate == null || this.churnDate.isAfter(day);
	}

}
