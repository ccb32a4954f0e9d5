package io.churnguard.app.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, not one of the
 * passwords attackers try first (123456, 888888, password, woaini1314 …, also with digits
 * or symbols appended), not built from the user name, and not one character repeated.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private static final String COMMON_PASSWORDS = "common-passwords.txt";

	private final Set<String> common;

	private PasswordPolicy(Set<String> common) {
		this.common = common;
	}

	static PasswordPolicy standard() {
		return new PasswordPolicy(loadCommonPasswords());
	}

	/**
	 * @param password the proposed password
	 * @param username the user it is for, or null
	 * @return the rules it breaks, as message codes with arguments; empty when acceptable
	 */
	List<Violation> check(String password, String username) {
		List<Violation> violations = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			violations.add(new Violation("password.tooShort", MIN_LENGTH));
			if (password == null) {
				return violations;
			}
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || this.common.contains(withoutDecoration(lower))) {
			violations.add(new Violation("password.common"));
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			violations.add(new Violation("password.containsUsername"));
		}
		if (lower.chars().distinct().count() <= 2) {
			violations.add(new Violation("password.repetitive"));
		}
		return violations;
	}

	/** "woaini1314!" and "password2024" are as guessable as their stems. */
	private static String withoutDecoration(String password) {
		int end = password.length();
		while (end > 0 && !Character.isLetter(password.charAt(end - 1))) {
			end--;
		}
		return (end > 0) ? password.substring(0, end) : password;
	}

	private static Set<String> loadCommonPasswords() {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
			if (in == null) {
				throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String candidate = line.strip();
				if (!candidate.isEmpty() && !candidate.startsWith("#")) {
					passwords.add(candidate.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

	/** A broken rule: a message code and its arguments. */
	record Violation(String code, Object... args) {
	}

}
