package io.churnguard.app.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The customer 360 (客户画像): the customer, their grade history, and the sections other
 * modules contribute (event timeline, features, risk, warnings, campaigns).
 *
 * @param customer the customer, masked unless asked otherwise
 * @param gradeHistory every grade change, newest first
 * @param sections contributed sections by key, in page order
 */
public record CustomerProfile(CustomerView customer, List<GradeChange> gradeHistory, Map<String, Object> sections) {

	/**
	 * @param grade the new grade
	 * @param previousGrade the grade before, or null for the first
	 * @param gradedAt when
	 * @param reason why, e.g. {@code imported} or the rule that matched
	 */
	public record GradeChange(ValueGrade grade, ValueGrade previousGrade, Instant gradedAt, String reason) {
	}

}
