package io.churnguard.app.customer.internal;

/**
 * Masking (脱敏) of personal fields, the same in pages, API responses and exports: enough
 * is left to recognise a customer on the phone, not enough to misuse.
 */
final class Masking {

	private Masking() {
	}

	/**
	 * {@code 13812341234} → {@code 138****1234}; short numbers keep only their last
	 * digits.
	 */
	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() >= 7) {
			return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
		}
		return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
	}

	/**
	 * The first character, then one {@code *} for each other character: 张伟 → 张*, 欧阳娜娜 →
	 * 欧***. Latin names keep each word's initial: John Smith → J*** S****.
	 */
	static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		if (name.codePoints().anyMatch(Character::isIdeographic)) {
			int first = name.offsetByCodePoints(0, 1);
			return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
		}
		StringBuilder masked = new StringBuilder(name.length());
		boolean wordStart = true;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isWhitespace(c) || c == '-' || c == '.') {
				masked.append(c);
				wordStart = true;
			}
			else {
				masked.append(wordStart ? c : '*');
				wordStart = false;
			}
		}
		return masked.toString();
	}

	/** 18-digit ID number → first 3, stars, last 4. */
	static String idCard(String id) {
		if (id == null) {
			return null;
		}
		if (id.length() <= 7) {
			return "*".repeat(id.length());
		}
		return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
	}

	/** {@code zhang.wei@example.com} → {@code z***@example.com}. */
	static String email(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}
