package io.churnguard.app.warning.internal;

import java.time.Instant;

/**
 * A business rule: when its expression holds for a customer, a warning of its level is
 * raised with its message, e.g. "合约将在12天内到期".
 *
 * @param id the rule's id
 * @param name a unique name, shown as the warning's cause ({@code rule:<name>}); it may
 * change, so warnings are de-duplicated by the id
 * @param expression the CEL expression
 * @param level 1 (I) to 4 (IV)
 * @param messageZh the message in Chinese, with {@code {feature}} placeholders
 * @param messageEn the message in English
 * @param action the suggested action, e.g. {@code callback}
 * @param enabled whether it is evaluated
 * @param updatedAt last change
 * @param updatedBy who changed it
 */
record WarningRule(long id, String name, String expression, int level, String messageZh, String messageEn,
		String action, boolean enabled, Instant updatedAt, String updatedBy) {

	/** The warning's cause as people read it. */
	String cause() {
		return "rule:" + this.name;
	}

	/**
	 * What its warnings are de-duplicated and suppressed by: the id, which survives a
	 * rename.
	 */
	String causeKey() {
		return causeKey(this.id);
	}

	static String causeKey(long id) {
		return "rule:" + id;
	}

}
