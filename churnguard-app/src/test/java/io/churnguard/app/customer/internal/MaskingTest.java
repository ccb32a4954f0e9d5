package io.churnguard.app.customer.internal;

import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

	@Test
	void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
		assertThat(Masking.phone("02088886666")).isEqualTo("020****6666");
		assertThat(Masking.phone("12345")).isEqualTo("***45");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void aChineseNameKeepsItsSurname() {
		assertThat(Masking.name("张伟")).isEqualTo("张*");
		assertThat(Masking.name("王小明")).isEqualTo("王**");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
	}

	@Test
	void aLatinNameKeepsEachInitial() {
		assertThat(Masking.name("John Smith")).isEqualTo("J*** S****");
		assertThat(Masking.name("7590-VHVEG")).isEqualTo("7***-V****");
	}

	@Test
	void aMaskedPhoneOfAnyLengthKeepsItsLengthAndShowsSevenDigitsAtMost() {
		Random random = new Random(7);
		for (int i = 0; i < 500; i++) {
			String phone = random.ints(5 + random.nextInt(16), 0, 10)
				.mapToObj(Integer::toString)
				.collect(Collectors.joining());
			String masked = Masking.phone(phone);
			assertThat(masked).as(phone).hasSameSizeAs(phone).endsWith(phone.substring(phone.length() - 2));
			assertThat(masked.chars().filter(Character::isDigit).count()).as(phone)
				.isEqualTo((phone.length() >= 7) ? 7 : 2);
		}
	}

	@Test
	void aMaskedNameShowsNothingButItsFirstCharacter() {
		Random random = new Random(11);
		String characters = "张王欧阳娜伟明";
		for (int i = 0; i < 500; i++) {
			String name = random.ints(2 + random.nextInt(5), 0, characters.length())
				.mapToObj(c -> String.valueOf(characters.charAt(c)))
				.collect(Collectors.joining());
			assertThat(Masking.name(name)).isEqualTo(name.charAt(0) + "*".repeat(name.length() - 1));
		}
	}

	@Test
	void idNumbersAndEmailsShowOnlyWhatIdentifiesThemToTheCustomer() {
		assertThat(Masking.idCard("11010519491231002X")).isEqualTo("110***********002X");
		assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
		assertThat(Masking.email("nonsense")).isEqualTo("***");
	}

}
