package io.churnguard.app.retention.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.customer.CustomerProfileSection;
import io.churnguard.app.security.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customer 360's retention part: the playbooks suggested for the customer's open
 * warnings, and the campaigns the customer is in, with the group and the contact's
 * outcome.
 */
@Component
class RetentionSection implements CustomerProfileSection {

	private final PlaybookSuggestions suggestions;

	private final JdbcTemplate jdbc;

	RetentionSection(PlaybookSuggestions suggestions, JdbcTemplate jdbc) {
		this.suggestions = suggestions;
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "retention";
	}

	@Override
	public int order() {
		return 7;
	}

	@Override
	public String fragment() {
		return "retention/section :: section";
	}

	@Override
	public Optional<Object> content(String customerId, Actor actor, Locale locale) {
		List<PlaybookSuggestions.Suggestion> suggested = this.suggestions.forCustomer(customerId);
		List<Map<String, Object>> campaigns = this.jdbc.queryForList("""
				select k.id as "campaignId", k.name as "campaign", m.grp as "group", m.enrolled_at as "enrolledAt",
				       t.status as "taskStatus", t.outcome, t.owner
				from campaign_member m join campaign k on k.id = m.campaign_id
				left join contact_task t on t.campaign_id = m.campaign_id and t.customer_id = m.customer_id
				where m.customer_id = ? order by m.enrolled_at desc limit 20""", customerId);
		if (suggested.isEmpty() && campaigns.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("suggestions", suggested);
		content.put("campaigns", campaigns);
		return Optional.of(content);
	}

}
