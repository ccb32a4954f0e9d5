package io.churnguard.app.platform.values;

/**
 * Why one field of one record was refused.
 *
 * @param field the field (target name, e.g. {@code join_date})
 * @param value the value as received, or null when missing
 * @param reason a plain-language reason, e.g. "not a date (expected yyyy-MM-dd)"
 */
public record FieldError(String field, String value, String reason) {
}
