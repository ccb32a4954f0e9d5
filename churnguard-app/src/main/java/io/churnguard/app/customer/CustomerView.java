package io.churnguard.app.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A customer as shown to a user: personal fields masked unless {@code masked} is false,
 * which only an explicit, audited request by an allowed role produces.
 */
public record CustomerView(String customerId, String name, String gender, Integer birthYear, String phone, String email,
		String idCard, String province, String city, String team, String channel, String plan, BigDecimal monthlyFee,
		LocalDate joinDate, LocalDate contractEndDate, boolean groupAccount, String owner, ValueGrade valueGrade,
		Instant gradedAt, CustomerStatus status, LocalDate churnDate, String churnReason,
		Map<String, Object> attributes, boolean masked) {
}
