package io.churnguard.app.customer.internal;

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
	void idNumbersAndEmailsShowOnlyWhatIdentifiesThemToTheCustomer() {
		assertThat(Masking.idCard("11010519491231002X")).isEqualTo("110***********002X");
		assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
		assertThat(Masking.email("nonsense")).isEqualTo("***");
	}

}
