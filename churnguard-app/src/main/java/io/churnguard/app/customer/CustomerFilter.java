package io.churnguard.app.customer;

/**
 * What to look for in the archive; null fields do not filter.
 *
 * @param q a customer id, the beginning of a name, or a phone number (or its last digits)
 * @param grade value grade
 * @param status active or churned
 * @param province province
 * @param city city
 * @param team team
 * @param owner owner's user name
 * @param channel acquisition channel
 * @param plan plan
 * @param sort one of {@code customer_id}, {@code join_date}, {@code monthly_fee},
 * {@code value_grade}, optionally with {@code ,desc}
 */
public record CustomerFilter(String q, ValueGrade grade, CustomerStatus status, String province, String city,
		String team, String owner, String channel, String plan, String sort) {

	public static CustomerFilter none() {
		return new CustomerFilter(null, null, null, null, null, null, null, null, null, null);
	}

}
