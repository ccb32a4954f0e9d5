package io.churnguard.app.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A customer as imported or written through the API, with personal fields in the clear.
 * Only the archive stores it; what leaves the archive is masked according to the viewer.
 *
 * @param customerId the source system's id
 * @param name full name
 * @param gender {@code M} or {@code F}, or null
 * @param birthYear or null
 * @param phone digits only, or null
 * @param email or null
 * @param idCard resident ID number, or null
 * @param province or null
 * @param city or null
 * @param team or null
 * @param channel acquisition channel, or null
 * @param plan product or plan, or null
 * @param monthlyFee monthly fee or revenue, or null
 * @param joinDate when the customer joined
 * @param contractEndDate or null
 * @param groupAccount a group (集团) account
 * @param owner user name of the owner, or null
 * @param valueGrade a grade given by the source system, or null to let ChurnGuard grade
 * @param status active or churned
 * @param churnDate or null
 * @param churnReason or null
 * @param attributes custom attributes by declared name
 */
public record CustomerRecord(String customerId, String name, String gender, Integer birthYear, String phone,
		String email, String idCard, String province, String city, String team, String channel, String plan,
		BigDecimal monthlyFee, LocalDate joinDate, LocalDate contractEndDate, boolean groupAccount, String owner,
		ValueGrade valueGrade, CustomerStatus status, LocalDate churnDate, String churnReason,
		Map<String, Object> attributes) {

	public CustomerRecord {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(joinDate, "joinDate");
		status = (status != null) ? status : CustomerStatus.ACTIVE;
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

}
