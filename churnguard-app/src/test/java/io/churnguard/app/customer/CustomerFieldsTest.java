package io.churnguard.app.customer;

import java.util.HashMap;
import java.util.Map;

import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerFieldsTest {

	@Test
	void aCompleteRowBecomesACustomer() {
		var parsed = CustomerFields.parse(row(), Map.of("vip", "2"), Map.of("vip", AttributeType.NUMBER));
		assertThat(parsed.isOk()).isTrue();
		CustomerRecord customer = parsed.value();
		assertThat(customer.name()).isEqualTo("张伟");
		assertThat(customer.gender()).isEqualTo("M");
		assertThat(customer.phone()).isEqualTo("13812341234");
		assertThat(customer.groupAccount()).isTrue();
		assertThat(customer.attributes()).containsEntry("vip", 2.0);
		assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
	}

	@Test
	void aChurnDateWithoutAStatusMeansChurned() {
		Map<String, String> row = row();
		row.put("churn_date", "2025-06-01");
		assertThat(CustomerFields.parse(row, Map.of(), Map.of()).value().status()).isEqualTo(CustomerStatus.CHURNED);
	}

	@Test
	void everyBadFieldIsNamedWithItsValueAndReason() {
		Map<String, String> row = row();
		row.put("name", " ");
		row.put("birth_year", "1850");
		row.put("email", "not-an-email");
		row.put("monthly_fee", "-5");
		row.put("join_date", "2024-02-30");
		row.put("value_grade", "Z");
		var parsed = CustomerFields.parse(row, Map.of("unknown", "x"), Map.of());
		assertThat(parsed.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("name", "birth_year", "email", "monthly_fee", "join_date", "value_grade",
					"unknown");
		assertThat(parsed.errors()).filteredOn(e -> e.field().equals("monthly_fee"))
			.singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("must not be negative"));
	}

	@Test
	void phonesAreNormalisedToDigitsAndImplausibleMobilesRefused() {
		assertThat(CustomerFields.phone("+86 138-1234-1234")).isEqualTo("13812341234");
		assertThat(CustomerFields.phone("020-8888 6666")).isEqualTo("02088886666");
		assertThatThrownBy(() -> CustomerFields.phone("12012341234")).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> CustomerFields.phone("call me")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void idCardNumbersNeedAValidCheckDigit() {
		assertThat(CustomerFields.idCard("11010519491231002x")).isEqualTo("11010519491231002X");
		assertThatThrownBy(() -> CustomerFields.idCard("110105194912310021")).hasMessageContaining("check digit");
		assertThat(CustomerFields.idCard("110105491231002")).as("the old 15-digit numbers").isNotNull();
	}

	private static Map<String, String> row() {
		Map<String, String> row = new HashMap<>();
		row.put("customer_id", "C00000001");
		row.put("name", "张伟");
		row.put("gender", "男");
		row.put("birth_year", "1985");
		row.put("phone", "138 1234 1234");
		row.put("email", "zw@example.com");
		row.put("join_date", "2021/3/1");
		row.put("group_account", "是");
		row.put("monthly_fee", "128.00");
		return row;
	}

}
