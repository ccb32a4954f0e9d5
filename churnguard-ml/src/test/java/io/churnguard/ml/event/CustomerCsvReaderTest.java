package io.churnguard.ml.event;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerCsvReaderTest {

	private static final String HEADER = "customer_id,name,gender,birth_year,phone,email,id_card,province,city,team,"
			+ "channel,plan,monthly_fee,join_date,contract_end_date,group_account,owner,status,churn_date,churn_reason,grade";

	private final List<CustomerAttributes> customers = new ArrayList<>();

	private final List<CsvError> errors = new ArrayList<>();

	@Test
	void aCustomerKeepsWhatFeaturesNeedAndNoPersonalData() throws Exception {
		String csv = HEADER + "\n" + "C00000001,张伟,男,1986,13812341234,zw@example.com,11010519860101123X,广东,广州,华南一组,"
				+ "来电,畅享99,99.00,2021-04-01,2026-03-31,true,agent_gd_01,active,,,B\n";
		CustomerCsvReader.read(new StringReader(csv), this.customers::add, this.errors::add);
		assertThat(this.errors).isEmpty();
		CustomerAttributes customer = this.customers.get(0);
		assertThat(customer.joinDate()).isEqualTo(LocalDate.of(2021, 4, 1));
		assertThat(customer.contractEndDate()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(customer.plan()).isEqualTo("畅享99");
		assertThat(customer.monthlyFee()).isEqualTo(99.0);
		assertThat(customer.groupAccount()).isTrue();
		assertThat(customer.churned()).isFalse();
		assertThat(customer.extras()).containsEntry("grade", "B")
			.containsEntry("gender", "M")
			.containsEntry("channel", "来电")
			.doesNotContainKeys("name", "phone", "email", "id_card");
	}

	@Test
	void badFieldsAndDuplicateIdsAreReportedRowByRow() throws Exception {
		String csv = HEADER + "\n" + "C1,王芳,X,1850,12345,no-at,123,,,,,,-5,2021-13-01,,maybe,,gone,,,\n"
				+ "C2,李娜,女,,,,,,,,,,,2022-01-01,,,,churned,2024-05-01,port_out,\n"
				+ "C2,李娜,女,,,,,,,,,,,2022-01-01,,,,,,,\n";
		long[] counts = CustomerCsvReader.read(new StringReader(csv), this.customers::add, this.errors::add);
		assertThat(counts).containsExactly(3, 2);
		assertThat(this.customers).singleElement().satisfies((customer) -> {
			assertThat(customer.churned()).isTrue();
			assertThat(customer.churnDate()).isEqualTo(LocalDate.of(2024, 5, 1));
		});
		assertThat(this.errors).extracting(CsvError::column)
			.containsExactly("join_date", "monthly_fee", "group_account", "status", "gender", "birth_year", "phone",
					"id_card", "email", "customer_id");
		assertThat(this.errors.get(9).line()).isEqualTo(4);
	}

}
