package io.churnguard.app.customer.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.customer.CustomerArchive;
import io.churnguard.app.customer.CustomerProfile;
import io.churnguard.app.customer.CustomerProfileSection;
import io.churnguard.app.customer.ValueGrade;
import io.churnguard.app.security.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Assembles the 360 view from the archive and the sections other modules contribute. */
@Component
class CustomerProfiles {

	private final CustomerArchive archive;

	private final JdbcTemplate jdbc;

	private final List<CustomerProfileSection> sections;

	CustomerProfiles(CustomerArchive archive, JdbcTemplate jdbc, List<CustomerProfileSection> sections) {
		this.archive = archive;
		this.jdbc = jdbc;
		this.sections = sections.stream().sorted(Comparator.comparingInt(CustomerProfileSection::order)).toList();
	}

	Optional<CustomerProfile> profile(String customerId, Actor actor, boolean unmasked, Locale locale) {
		return this.archive.find(customerId, actor, unmasked).map(customer -> {
			Map<String, Object> contributed = new LinkedHashMap<>();
			for (CustomerProfileSection section : this.sections) {
				section.content(customerId, actor, locale)
					.ifPresent(content -> contributed.put(section.key(), content));
			}
			return new CustomerProfile(customer, gradeHistory(customerId), contributed);
		});
	}

	List<CustomerProfileSection> sections() {
		return this.sections;
	}

	private List<CustomerProfile.GradeChange> gradeHistory(String customerId) {
		return this.jdbc.query("""
				select grade, previous_grade, graded_at, reason from customer_grade_history
				where customer_id = ? order by graded_at desc, id desc limit 50""", (rs, n) -> {
			String previous = rs.getString("previous_grade");
			return new CustomerProfile.GradeChange(ValueGrade.valueOf(rs.getString("grade")),
					(previous != null) ? ValueGrade.valueOf(previous) : null, rs.getTimestamp("graded_at").toInstant(),
					rs.getString("reason"));
		}, customerId);
	}

}
