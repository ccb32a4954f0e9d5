package io.churnguard.app.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.churnguard.app.warning.RetentionTreatments;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the warning evaluation who was treated: members of a campaign's treatment group
 * or white list, from their enrolment. Control members were not treated and count as
 * such.
 */
@Component
class CampaignTreatments implements RetentionTreatments {

	private final JdbcTemplate jdbc;

	CampaignTreatments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Instant> firstTreatedSince(Collection<String> customerIds, Instant since) {
		Map<String, Instant> treated = new HashMap<>();
		if (customerIds.isEmpty()) {
			return treated;
		}
		this.jdbc.query("""
				select customer_id, min(enrolled_at) from campaign_member
				where grp <> 'control' and enrolled_at >= ? and customer_id = any (?) group by customer_id""", rs -> {
			treated.put(rs.getString(1), rs.getTimestamp(2).toInstant());
		}, Timestamp.from(since), customerIds.toArray(String[]::new));
		return treated;
	}

}
