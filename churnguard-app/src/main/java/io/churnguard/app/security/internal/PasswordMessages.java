package io.churnguard.app.security.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders password-policy violations in the user's language. */
@Component
class PasswordMessages {

	private final MessageSource messages;

	PasswordMessages(MessageSource messages) {
		this.messages = messages;
	}

	List<String> describe(PasswordRejectedException ex, Locale locale) {
		return ex.violations()
			.stream()
			.map(violation -> this.messages.getMessage(violation.code(), violation.args(), violation.code(), locale))
			.toList();
	}

	String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
