package io.churnguard.ml.data;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.churnguard.ml.testing.Datasets;

import static org.assertj.core.api.Assertions.assertThat;

class TypeInferenceTest {

	@Test
	void telcoColumnsGetTheTypesAnAnalystWouldGiveThem() {
		InferredTable t = TypeInference.read(Datasets.telco());
		Frame f = t.frame();
		assertThat(f.rowCount()).isEqualTo(7043);
		assertThat(f.column("tenure").type()).isEqualTo(ColumnType.NUMERIC);
		assertThat(f.column("Partner").type()).isEqualTo(ColumnType.BOOLEAN);
		assertThat(f.column("Contract").type()).isEqualTo(ColumnType.CATEGORICAL);
		assertThat(f.column("Churn").type()).isEqualTo(ColumnType.BOOLEAN);
		// TotalCharges is a lone space for 11 new customers: missing, not a category.
		Column total = f.column("TotalCharges");
		assertThat(total.type()).isEqualTo(ColumnType.NUMERIC);
		int missing = 0;
		for (int r = 0; r < f.rowCount(); r++) {
			missing += total.isMissing(r) ? 1 : 0;
		}
		assertThat(missing).isEqualTo(11);
		assertThat(t.idLikeColumns()).containsExactly("customerID");
	}

	@Test
	void chineseHeadersAndANumericRowNumberAreRecognised() {
		InferredTable t = TypeInference.read(Datasets.unicom());
		assertThat(t.frame().columnNames()).startsWith("用户编号", "套餐金额", "额外通话时长");
		assertThat(t.idLikeColumns()).containsExactly("用户编号");
		assertThat(t.frame().column("额外通话时长").type()).isEqualTo(ColumnType.NUMERIC);
	}

	@Test
	void datesBooleansAndMissingMarkersAreReadAsPeopleMeanThem() {
		StringBuilder csv = new StringBuilder("joined,vip,fee,plan\n");
		for (int i = 0; i < 30; i++) {
			csv.append("2025-0").append(1 + i % 9).append("-1").append(i % 10).append(',');
			csv.append((i % 2 == 0) ? "是" : "否").append(',');
			csv.append((i % 7 == 0) ? " " : (i % 11 == 0) ? "NA" : "\"¥1,2" + (i % 10) + "0\"").append(',');
			csv.append((i % 3 == 0) ? "basic" : "premium").append('\n');
		}
		InferredTable t = TypeInference.infer(CsvReader.parse(csv.toString().getBytes(StandardCharsets.UTF_8)), "x");
		Frame f = t.frame();
		assertThat(f.column("joined").type()).isEqualTo(ColumnType.DATE);
		assertThat(f.column("joined").text(0)).isEqualTo("2025-01-10");
		assertThat(f.column("vip").type()).isEqualTo(ColumnType.BOOLEAN);
		assertThat(f.column("vip").text(0)).isEqualTo("是");
		assertThat(f.column("fee").type()).isEqualTo(ColumnType.NUMERIC);
		assertThat(((NumericColumn) f.column("fee")).get(1)).isEqualTo(1210.0);
		assertThat(f.column("fee").isMissing(0)).isTrue();
		assertThat(f.column("fee").isMissing(11)).isTrue();
		assertThat(f.column("plan").type()).isEqualTo(ColumnType.CATEGORICAL);
		assertThat(t.idLikeColumns()).isEmpty();
	}

}
