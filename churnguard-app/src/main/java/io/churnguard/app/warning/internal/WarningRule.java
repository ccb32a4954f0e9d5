package io.churnguard.app.warning.internal;

import java.time.Instant;

/**
 * A business rule: when its expression holds for a customer, a warning of its level is
 * raised with its message, e.g. "合约将在12天内到期".
 *
 * @param id the rule's id
 * @param name a stable name, also the warning's cause ({@code rule:<name>})
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
}
