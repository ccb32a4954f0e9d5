package io.churnguard.app.retention.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Suggests playbooks for a warned customer: for each open warning, the reason is the
 * rule's name (a rule warning) or the strongest reason of the latest score (a model
 * warning), matched with the customer's plan, province, team and grade against the
 * library. A customer without an open warning gets no suggestion.
 */
@Component
class PlaybookSuggestions {

	private final JdbcTemplate jdbc;

	private final Playbooks playbooks;

	PlaybookSuggestions(JdbcTemplate jdbc, Playbooks playbooks) {
		this.jdbc = jdbc;
		this.playbooks = playbooks;
	}

	/** Open warning id → the playbook suggested for it. */
	List<Suggestion> forCustomer(String customerId) {
		List<Map<String, Object>> warnings = this.jdbc.queryForList("""
				select w.id, w.level, w.cause, s.reasons -> 0 ->> 'feature' as feature, c.value_grade, c.plan,
				       c.province, c.team
				from warning w join customer c on c.customer_id = w.customer_id
				left join score_latest s on s.customer_id = w.customer_id
				where w.customer_id = ? and w.status <> 'closed' order by w.level, w.id""", customerId);
		List<Playbook> library = this.playbooks.all();
		Map<Long, Suggestion> suggestions = new LinkedHashMap<>();
		for (Map<String, Object> w : warnings) {
			String cause = (String) w.get("cause");
			String reason = cause.startsWith("rule:") ? cause.substring(5) : (String) w.get("feature");
			List<String> segments = new ArrayList<>();
			for (String key : List.of("plan", "province", "team")) {
				if (w.get(key) != null) {
					segments.add((String) w.get(key));
				}
			}
			String grade = (w.get("value_grade") != null) ? w.get("value_grade").toString() : null;
			long warningId = ((Number) w.get("id")).longValue();
			Playbook.best(library, reason, segments, grade)
				.ifPresent(p -> suggestions.putIfAbsent(warningId,
						new Suggestion(warningId, ((Number) w.get("level")).intValue(), reason, p)));
		}
		return List.copyOf(suggestions.values());
	}

	/**
	 * @param warningId the open warning
	 * @param level its level
	 * @param reason the churn reason matched
	 * @param playbook the suggested playbook
	 */
	record Suggestion(long warningId, int level, String reason, Playbook playbook) {
	}

}
