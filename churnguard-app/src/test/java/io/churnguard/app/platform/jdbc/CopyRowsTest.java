package io.churnguard.app.platform.jdbc;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

	@Test
	void writesDateTimesAsPostgresqlReadsThemWithFractionsOnlyWhenPresent() {
		CopyRows rows = new CopyRows(4);
		rows.dateTime(LocalDateTime.of(2026, 3, 4, 5, 6, 7)).endRow();
		rows.dateTime(LocalDateTime.of(2026, 12, 31, 23, 59, 0)).endRow();
		rows.dateTime(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 120_000_000)).endRow();
		rows.dateTime(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 7_000)).endRow();
		rows.dateTime(null).text("x").endRow();
		assertThat(rows.toString()).isEqualTo("""
				2026-03-04 05:06:07
				2026-12-31 23:59:00
				2026-01-02 03:04:05.120000000
				2026-01-02 03:04:05.000007000
				,"x"
				""");
	}

	@Test
	void quotesTextSoThatEmptyStaysEmptyAndMissingIsNull() {
		CopyRows rows = new CopyRows(1);
		rows.text("say \"hi\", then").text("").text(null).number(Double.NaN).number(1.5).endRow();
		assertThat(rows.toString()).isEqualTo("\"say \"\"hi\"\", then\",\"\",,,1.5\n");
		assertThat(rows.rows()).isEqualTo(1);
	}

}
