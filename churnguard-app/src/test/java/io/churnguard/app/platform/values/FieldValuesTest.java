package io.churnguard.app.platform.values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldValuesTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@ParameterizedTest
	@ValueSource(strings = { "2025-03-14", "2025/3/14", "2025/03/14", "2025.3.14", "2025年3月14日", "20250314",
			" 2025-03-14 ", "2025-03-14 10:22:05" })
	void datesAreReadInTheFormatsChineseSystemsWrite(String raw) {
		assertThat(FieldValues.date(raw)).isEqualTo(LocalDate.of(2025, 3, 14));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-02-30", "14/03/2025", "March 14", "2025-13-01", "2025" })
	void impossibleOrAmbiguousDatesAreRefused(String raw) {
		assertThatThrownBy(() -> FieldValues.date(raw)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("not a date");
	}

	@Test
	void blankAndALoneSpaceMeanAbsent() {
		assertThat(FieldValues.date(" ")).isNull();
		assertThat(FieldValues.number("")).isNull();
		assertThat(FieldValues.text("  ")).isNull();
	}

	@Test
	void dateTimesAcceptIsoSpacesChineseDatesAndOffsets() {
		LocalDateTime expected = LocalDateTime.of(2025, 3, 14, 10, 22, 5);
		assertThat(FieldValues.dateTime("2025-03-14T10:22:05", SHANGHAI)).isEqualTo(expected);
		assertThat(FieldValues.dateTime("2025-03-14 10:22:05", SHANGHAI)).isEqualTo(expected);
		assertThat(FieldValues.dateTime("2025年3月14日 10:22:05", SHANGHAI)).isEqualTo(expected);
		assertThat(FieldValues.dateTime("2025-03-14T02:22:05Z", SHANGHAI)).as("UTC converted to Shanghai time")
			.isEqualTo(expected);
		assertThat(FieldValues.dateTime("2025/3/14 10:22", SHANGHAI)).isEqualTo(expected.withSecond(0));
		assertThat(FieldValues.dateTime("2025-03-14", SHANGHAI)).isEqualTo(expected.toLocalDate().atStartOfDay());
	}

	@Test
	void numbersMayCarryThousandsSeparatorsAndCurrency() {
		assertThat(FieldValues.decimal("1,234.50")).isEqualByComparingTo(new BigDecimal("1234.50"));
		assertThat(FieldValues.decimal("¥128")).isEqualByComparingTo("128");
		assertThat(FieldValues.decimal("58元")).isEqualByComparingTo("58");
		assertThatThrownBy(() -> FieldValues.decimal("abc")).hasMessage("not a number");
		assertThatThrownBy(() -> FieldValues.decimal("NaN")).hasMessage("not a number");
		assertThatThrownBy(() -> FieldValues.integer("3.5")).hasMessage("not a whole number");
	}

	@Test
	void yesAndNoInEnglishAndChinese() {
		assertThat(FieldValues.bool("是")).isTrue();
		assertThat(FieldValues.bool("Yes")).isTrue();
		assertThat(FieldValues.bool("0")).isFalse();
		assertThat(FieldValues.bool("否")).isFalse();
		assertThatThrownBy(() -> FieldValues.bool("maybe")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void genderInEnglishAndChinese() {
		assertThat(FieldValues.gender("男")).isEqualTo("M");
		assertThat(FieldValues.gender("Female")).isEqualTo("F");
		assertThatThrownBy(() -> FieldValues.gender("X")).isInstanceOf(InvalidValueException.class);
	}

}
