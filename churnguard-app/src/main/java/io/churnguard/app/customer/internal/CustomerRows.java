package io.churnguard.app.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import io.churnguard.app.customer.CustomerStatus;
import io.churnguard.app.customer.CustomerView;
import io.churnguard.app.customer.ValueGrade;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps customer rows to views, masking personal fields on the way out unless told not to.
 */
final class CustomerRows {

	static final String COLUMNS = "customer_id, name, gender, birth_year, phone, email, id_card, province, city, team, "
			+ "channel, plan, monthly_fee, join_date, contract_end_date, group_account, owner, value_grade, graded_at, "
			+ "status, churn_date, churn_reason, attributes::text as attributes";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private CustomerRows() {
	}

	static CustomerView view(ResultSet rs, boolean masked) throws SQLException {
		String grade = rs.getString("value_grade");
		Timestamp gradedAt = rs.getTimestamp("graded_at");
		int birthYear = rs.getInt("birth_year");
		Integer birth = rs.wasNull() ? null : birthYear;
		String name = rs.getString("name");
		String phone = rs.getString("phone");
		String email = rs.getString("email");
		String idCard = rs.getString("id_card");
		String attributes = rs.getString("attributes");
		return new CustomerView(rs.getString("customer_id"), masked ? Masking.name(name) : name, rs.getString("gender"),
				birth, masked ? Masking.phone(phone) : phone, masked ? Masking.email(email) : email,
				masked ? Masking.idCard(idCard) : idCard, rs.getString("province"), rs.getString("city"),
				rs.getString("team"), rs.getString("channel"), rs.getString("plan"), rs.getBigDecimal("monthly_fee"),
				rs.getObject("join_date", LocalDate.class), rs.getObject("contract_end_date", LocalDate.class),
				rs.getBoolean("group_account"), rs.getString("owner"),
				(grade != null) ? ValueGrade.valueOf(grade) : null, (gradedAt != null) ? gradedAt.toInstant() : null,
				CustomerStatus.fromCode(rs.getString("status")), rs.getObject("churn_date", LocalDate.class),
				rs.getString("churn_reason"), (attributes != null) ? JSON.readValue(attributes, MAP) : Map.of(),
				masked);
	}

}
