package io.churnguard.ml.sim;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimCalendarTest {

	private final SimCalendar calendar = new SimCalendar(LocalDate.of(2025, 1, 1), 365);

	@Property
	void addingMonthsAgreesWithLocalDate(@ForAll @IntRange(min = -8000, max = 8000) int day,
			@ForAll @IntRange(min = 0, max = 48) int months) {
		LocalDate expected = this.calendar.date(day).plusMonths(months);
		assertThat(this.calendar.date(this.calendar.plusMonths(day, months))).isEqualTo(expected);
	}

	@Test
	void aMonthEndIsCappedAtTheShorterMonth() {
		int january31 = 30;
		assertThat(this.calendar.date(this.calendar.plusMonths(january31, 1))).isEqualTo(LocalDate.of(2025, 2, 28));
	}

	@Test
	void timesAreWrittenAsIsoLocalDateTimes() {
		CsvBuffer out = new CsvBuffer(32);
		this.calendar.writeDateTime(out, 72, 10 * 3600 + 22 * 60 + 5);
		assertThat(new String(out.toByteArray())).isEqualTo("2025-03-14T10:22:05");
	}

	@Test
	void billsFallOnTheFirstOfEachMonth() {
		assertThat(this.calendar.billDayIn(28, 35)).isEqualTo(31);
		assertThat(this.calendar.billDayIn(35, 42)).isEqualTo(-1);
	}

}
