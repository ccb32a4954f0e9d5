package io.churnguard.app.security.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private final PasswordPolicy policy = PasswordPolicy.standard();

	@Test
	void aLongUncommonPasswordIsAccepted() {
		assertThat(this.policy.check("Yellow-river-7-bridges", "zhang.wei")).isEmpty();
	}

	@Test
	void aPasswordShorterThanTenCharactersIsRefused() {
		assertThat(this.policy.check("Xk9!pQ2z", "zhang.wei")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.tooShort");
	}

	@Test
	void theCommonPasswordsAttackersTryFirstAreRefusedWhateverTheirLength() {
		assertThat(this.policy.check("1234567890", null)).extracting(PasswordPolicy.Violation::code)
			.contains("password.common");
		assertThat(this.policy.check("qwertyuiop", null)).extracting(PasswordPolicy.Violation::code)
			.contains("password.common");
		assertThat(this.policy.check("888888", null)).extracting(PasswordPolicy.Violation::code)
			.contains("password.tooShort", "password.common");
	}

	@Test
	void aCommonPasswordWithDigitsOrSymbolsAppendedIsStillRefused() {
		assertThat(this.policy.check("Password2024!", null)).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.common");
		assertThat(this.policy.check("woaini1314520", null)).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.common");
	}

	@Test
	void aPasswordContainingTheUserNameIsRefused() {
		assertThat(this.policy.check("li.na-spring-garden", "li.na")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.containsUsername");
	}

	@Test
	void oneCharacterRepeatedIsRefused() {
		assertThat(this.policy.check("zzzzzzzzzzzz", null)).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.repetitive");
	}

}
