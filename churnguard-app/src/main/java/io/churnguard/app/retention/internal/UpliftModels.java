package io.churnguard.app.retention.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.churnguard.ml.uplift.UpliftArtifact;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Uplift models as stored, versioned like the churn model registry: metadata and the
 * held-out evaluation as JSON, the artifact's files (uplift.json and XGBoost UBJSON
 * boosters) as bytes, so a server and a CLI share them. Loaded artifacts are cached; a
 * stored model never changes.
 */
@Component
class UpliftModels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, version, name, learner, campaign_ids, actions, rows, holdout_rows, "
			+ "qini, auuc, created_at, created_by";

	private final JdbcTemplate jdbc;

	private final Map<String, UpliftArtifact> cache = new ConcurrentHashMap<>();

	UpliftModels(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a model; the same content trained again is the same model.
	 * @return the stored version
	 */
	UpliftModelVersion insert(UpliftArtifact artifact, List<Long> campaignIds, UpliftLearning.Result result,
			Map<String, Object> training, String user, Instant now) {
		Optional<UpliftModelVersion> existing = find(artifact.modelId());
		if (existing.isPresent()) {
			return existing.get();
		}
		// Serialises version numbers between two trainings finishing at once.
		this.jdbc.execute("lock table uplift_model in exclusive mode");
		int version = this.jdbc.queryForObject("select coalesce(max(version), 0) + 1 from uplift_model", Integer.class);
		UpliftLearning.ActionEvaluation headline = result.headline();
		this.jdbc.update("""
				insert into uplift_model (id, version, name, learner, campaign_ids, actions, rows, holdout_rows, qini,
				                          auuc, evaluation, training, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""", artifact.modelId(), version,
				"uplift model v" + version + " (" + artifact.learner().name().toLowerCase(java.util.Locale.ROOT) + ")",
				artifact.learner().name(), campaignIds.toArray(Long[]::new), artifact.actions().toArray(String[]::new),
				result.trainingRows(), result.holdoutRows(), headline.qiniCoefficient(), headline.auuc(),
				JSON.writeValueAsString(result.evaluations()), JSON.writeValueAsString(training), Timestamp.from(now),
				user);
		for (Map.Entry<String, byte[]> file : artifact.files().entrySet()) {
			this.jdbc.update("insert into uplift_model_file (model_id, name, content) values (?, ?, ?)",
					artifact.modelId(), file.getKey(), file.getValue());
		}
		this.cache.put(artifact.modelId(), artifact);
		return find(artifact.modelId()).orElseThrow();
	}

	List<UpliftModelVersion> list() {
		return this.jdbc.query("select " + COLUMNS + " from uplift_model order by version desc", UpliftModels::map);
	}

	Optional<UpliftModelVersion> find(String id) {
		return this.jdbc.query("select " + COLUMNS + " from uplift_model where id = ?", UpliftModels::map, id)
			.stream()
			.findFirst();
	}

	UpliftModelVersion require(String id) {
		return find(id).orElseThrow(() -> new NoSuchElementException("no uplift model " + id));
	}

	Optional<UpliftModelVersion> latest() {
		return list().stream().findFirst();
	}

	/** The held-out evaluation of each action and how the model was trained. */
	Map<String, Object> details(String id) {
		return this.jdbc
			.queryForList("select evaluation::text as evaluation, training::text as training from uplift_model "
					+ "where id = ?", id)
			.stream()
			.findFirst()
			.map(row -> {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("evaluation", JSON.readValue((String) row.get("evaluation"), List.class));
				details.put("training", JSON.readValue((String) row.get("training"), Map.class));
				return details;
			})
			.orElseThrow(() -> new NoSuchElementException("no uplift model " + id));
	}

	UpliftArtifact artifact(String id) {
		return this.cache.computeIfAbsent(id, this::load);
	}

	private UpliftArtifact load(String id) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		this.jdbc.query("select name, content from uplift_model_file where model_id = ? order by name", rs -> {
			files.put(rs.getString(1), rs.getBytes(2));
		}, id);
		if (files.isEmpty()) {
			throw new NoSuchElementException("no uplift model " + id);
		}
		return UpliftArtifact.fromFiles(files);
	}

	private static UpliftModelVersion map(ResultSet rs, int row) throws SQLException {
		Array campaigns = rs.getArray("campaign_ids");
		Array actions = rs.getArray("actions");
		double qini = rs.getDouble("qini");
		Double q = rs.wasNull() ? null : qini;
		double auuc = rs.getDouble("auuc");
		Double a = rs.wasNull() ? null : auuc;
		return new UpliftModelVersion(rs.getString("id"), rs.getInt("version"), rs.getString("name"),
				rs.getString("learner"),
				Arrays.stream((Object[]) campaigns.getArray()).map(o -> ((Number) o).longValue()).toList(),
				Arrays.stream((Object[]) actions.getArray()).map(Object::toString).toList(), rs.getInt("rows"),
				rs.getInt("holdout_rows"), q, a, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	/**
	 * A stored uplift model.
	 *
	 * @param id the artifact's id
	 * @param version the running number
	 * @param name a name for people
	 * @param learner X_LEARNER or TWO_MODEL
	 * @param campaignIds the campaigns it learned from
	 * @param actions the actions it has a model of
	 * @param rows members trained on
	 * @param holdoutRows members held out for the evaluation
	 * @param qini the Qini coefficient of the headline action (the most treated)
	 * @param auuc its AUUC
	 * @param createdAt when it was trained
	 * @param createdBy who trained it
	 */
	record UpliftModelVersion(String id, int version, String name, String learner, List<Long> campaignIds,
			List<String> actions, int rows, int holdoutRows, Double qini, Double auuc, Instant createdAt,
			String createdBy) {
	}

}
