package io.churnguard.app.ingest.internal;

import java.util.List;
import java.util.Map;

import io.churnguard.app.customer.AttributeType;
import io.churnguard.app.ingest.ImportKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportMappingTest {

	@Test
	void aFileInChurnGuardsFormatNeedsNoMappingAndKeepsDeclaredAttributes() {
		ImportMapping mapping = ImportMapping.byColumnNames(ImportKind.CUSTOMERS,
				List.of("customer_id", "Name", "join_date", "vip_level", "misc"),
				Map.of("vip_level", AttributeType.NUMBER));
		MappedRow row = mapping.apply(record(
				Map.of("customer_id", "C1", "Name", "张伟", "join_date", "2024-01-01", "vip_level", "3", "misc", "x")));
		assertThat(row.fields()).containsEntry("customer_id", "C1").containsEntry("name", "张伟");
		assertThat(row.attributes()).containsEntry("vip_level", "3").doesNotContainKey("misc");
		assertThat(mapping.notes()).singleElement().asString().contains("misc");
	}

	@Test
	void aYamlMappingRenamesTranslatesAndDerivesFields() {
		ImportMapping mapping = ImportMapping.parse("""
				kind: customers
				columns:
				  customer_id: customerID
				  name: customerID
				  gender: { column: gender, values: { Male: M, Female: F } }
				  join_date: { column: tenure, months_before: 2024-12-31 }
				  status: { column: Churn, values: { "Yes": churned, "No": active } }
				  channel: { constant: 线上 }
				attributes:
				  Contract: text
				  MonthlyCharges: number
				""", ImportKind.CUSTOMERS);
		MappedRow row = mapping.apply(record(Map.of("customerID", "7590-VHVEG", "gender", "Female", "tenure", "12",
				"Churn", "Yes", "Contract", "Month-to-month", "MonthlyCharges", "29.85")));
		assertThat(row.errors()).isEmpty();
		assertThat(row.fields()).containsEntry("gender", "F")
			.containsEntry("join_date", "2023-12-31")
			.containsEntry("status", "churned")
			.containsEntry("channel", "线上")
			.containsEntry("name", "7590-VHVEG");
		assertThat(row.attributes()).containsEntry("Contract", "Month-to-month");
	}

	@Test
	void aNonNumericTenureIsAFieldErrorOfTheRowNotOfTheImport() {
		ImportMapping mapping = ImportMapping
			.parse("columns: { join_date: { column: tenure, months_before: 2024-12-31 } }", ImportKind.CUSTOMERS);
		MappedRow row = mapping.apply(record(Map.of("tenure", "twelve")));
		assertThat(row.errors()).singleElement()
			.satisfies(error -> assertThat(error.field()).isEqualTo("join_date"))
			.satisfies(error -> assertThat(error.value()).isEqualTo("twelve"));
	}

	@Test
	void mistakesInTheMappingAreNamedBeforeAnyRowIsRead() {
		assertThatThrownBy(() -> ImportMapping.parse("columns: { nmae: 姓名 }", ImportKind.CUSTOMERS))
			.hasMessageContaining("columns.nmae: unknown field");
		assertThatThrownBy(() -> ImportMapping.parse("kind: events\ncolumns: {}", ImportKind.CUSTOMERS))
			.hasMessageContaining("the mapping is for events");
		assertThatThrownBy(() -> ImportMapping.parse("columns: [", ImportKind.CUSTOMERS))
			.hasMessageContaining("not valid YAML");
		assertThatThrownBy(() -> ImportMapping.parse("columns: { gender: { colum: x } }", ImportKind.CUSTOMERS))
			.hasMessageContaining("columns.gender");
	}

	@Test
	void aMissingRequiredFieldOrColumnIsReportedWithTheFilesColumns() {
		ImportMapping mapping = ImportMapping.parse("columns: { customer_id: id, name: 姓名 }", ImportKind.CUSTOMERS);
		assertThatThrownBy(() -> mapping.requireColumns(ImportKind.CUSTOMERS, List.of("id", "名字")))
			.hasMessageContaining("no column for the required field 'join_date'")
			.hasMessageContaining("reads column '姓名', which the file does not have")
			.hasMessageContaining("[id, 名字]");
	}

	private static SourceRecord record(Map<String, String> values) {
		java.util.List<String> names = java.util.List.copyOf(values.keySet());
		return new SourceRecord(2, new SourceRecord.Header(names),
				names.stream().map(values::get).toArray(String[]::new));
	}

}
