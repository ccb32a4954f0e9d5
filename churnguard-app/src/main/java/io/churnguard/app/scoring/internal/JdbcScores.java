package io.churnguard.app.scoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.churnguard.app.scoring.CustomerScore;
import io.churnguard.app.scoring.Scores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcScores implements Scores {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	JdbcScores(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<CustomerScore> latest(String customerId) {
		return this.jdbc.query("""
				select customer_id, scored_at, as_of, model_id, probability, risk_band, value_at_risk,
				       reasons::text as reasons
				from score_latest where customer_id = ?""", JdbcScores::map, customerId).stream().findFirst();
	}

	@Override
	public List<CustomerScore> history(String customerId, int limit) {
		return this.jdbc.query("""
				select s.customer_id, r.finished_at as scored_at, s.as_of, s.model_id, s.probability, s.risk_band,
				       s.value_at_risk, s.reasons::text as reasons
				from score s join scoring_run r on r.id = s.run_id
				where s.customer_id = ? order by s.as_of desc, s.run_id desc limit ?""", JdbcScores::map, customerId,
				limit);
	}

	static CustomerScore map(ResultSet rs, int row) throws SQLException {
		String reasons = rs.getString("reasons");
		Timestamp scoredAt = rs.getTimestamp("scored_at");
		return new CustomerScore(rs.getString("customer_id"), (scoredAt != null) ? scoredAt.toInstant() : null,
				rs.getObject("as_of", LocalDate.class), rs.getString("model_id"), rs.getDouble("probability"),
				rs.getString("risk_band"), rs.getBigDecimal("value_at_risk"), reasons(reasons));
	}

	static List<CustomerScore.ScoreReason> reasons(String json) {
		if (json == null) {
			return List.of();
		}
		JsonNode array = JSON.readTree(json);
		List<CustomerScore.ScoreReason> reasons = new java.util.ArrayList<>();
		for (JsonNode reason : array) {
			reasons.add(new CustomerScore.ScoreReason(reason.path("feature").asString(),
					reason.path("contribution").asDouble(), reason.path("zh").asString(),
					reason.path("en").asString()));
		}
		return reasons;
	}

}
