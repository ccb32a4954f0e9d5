package io.churnguard.app.scoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.churnguard.app.scoring.ModelRegistry;
import io.churnguard.app.scoring.ModelVersion;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.TrainingOutcome;
import io.churnguard.ml.report.HtmlReport;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Models live in the database — metadata as JSON, the artifact's files (model.json and
 * XGBoost UBJSON) as bytes — so a server and a CLI on different hosts share one registry.
 * Loaded artifacts are cached; they never change once registered.
 */
@Component
class JdbcModelRegistry implements ModelRegistry {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, version, name, algorithm, status, source, rows, features, auc, "
			+ "created_at, created_by, promoted_at";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<String, ModelArtifact> cache = new ConcurrentHashMap<>();

	JdbcModelRegistry(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public ModelVersion register(TrainingOutcome outcome, String source, Map<String, Object> training, String user) {
		ModelArtifact artifact = outcome.artifact();
		String id = artifact.modelId();
		Integer version = this.jdbc.queryForObject("select coalesce(max(version), 0) + 1 from model", Integer.class);
		boolean first = champion().isEmpty();
		Double auc = ModelCards.auc(outcome.result());
		Map<String, Object> card = ModelCards.card(outcome, source, training, user, this.clock.instant());
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into model (id, version, name, algorithm, status, source, rows, features, auc, result, training,
				                   model_card, report_html, created_at, created_by, promoted_at, promoted_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)""", id, version,
				"churn model v" + version + " (" + outcome.result().algorithm() + ")", outcome.result().algorithm(),
				first ? "champion" : "candidate", source, outcome.result().rows(), outcome.result().features(), auc,
				JSON.writeValueAsString(outcome.result()), JSON.writeValueAsString(training),
				JSON.writeValueAsString(card), HtmlReport.render(outcome), Timestamp.from(now), user,
				first ? Timestamp.from(now) : null, first ? user : null);
		for (Map.Entry<String, byte[]> file : files(artifact).entrySet()) {
			this.jdbc.update("insert into model_file (model_id, name, content) values (?, ?, ?)", id, file.getKey(),
					file.getValue());
		}
		this.audit.record(AuditRecord.success("MODEL_REGISTERED", "model", id)
			.by(user, null)
			.with("version", version)
			.with("algorithm", outcome.result().algorithm())
			.with("champion", first));
		return find(id).orElseThrow();
	}

	@Override
	public List<ModelVersion> list() {
		return this.jdbc.query("select " + COLUMNS + " from model order by version desc", JdbcModelRegistry::map);
	}

	@Override
	public Optional<ModelVersion> find(String id) {
		return this.jdbc.query("select " + COLUMNS + " from model where id = ?", JdbcModelRegistry::map, id)
			.stream()
			.findFirst();
	}

	@Override
	public Optional<ModelVersion> champion() {
		return this.jdbc.query("select " + COLUMNS + " from model where status = 'champion'", JdbcModelRegistry::map)
			.stream()
			.findFirst();
	}

	@Override
	public ModelArtifact artifact(String id) {
		return this.cache.computeIfAbsent(id, this::load);
	}

	@Override
	@Transactional
	public ModelVersion promote(String id, String user) {
		ModelVersion model = find(id).orElseThrow(() -> new NoSuchElementException("no model " + id));
		if (model.isChampion()) {
			return model;
		}
		Optional<ModelVersion> previous = champion();
		previous.ifPresent(
				champion -> this.jdbc.update("update model set status = 'challenger' where id = ?", champion.id()));
		this.jdbc.update("""
				update model set status = 'champion', promoted_at = ?, promoted_by = ?, previous_champion = ?
				where id = ?""", Timestamp.from(this.clock.instant()), user,
				previous.map(ModelVersion::id).orElse(null), id);
		this.audit.record(AuditRecord.success("MODEL_PROMOTED", "model", id)
			.by(user, null)
			.with("previousChampion", previous.map(ModelVersion::id).orElse("none")));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public ModelVersion rollback(String user) {
		ModelVersion current = champion().orElseThrow(() -> new IllegalStateException("there is no champion"));
		String previous = this.jdbc.queryForObject("select previous_champion from model where id = ?", String.class,
				current.id());
		if (previous == null) {
			throw new IllegalStateException("the champion " + current.name() + " has no predecessor to roll back to");
		}
		this.jdbc.update("update model set status = 'challenger' where id = ?", current.id());
		this.jdbc.update("update model set status = 'champion', promoted_at = ?, promoted_by = ? where id = ?",
				Timestamp.from(this.clock.instant()), user, previous);
		this.audit.record(
				AuditRecord.success("MODEL_ROLLED_BACK", "model", previous).by(user, null).with("from", current.id()));
		return find(previous).orElseThrow();
	}

	String report(String id) {
		return this.jdbc.queryForList("select report_html from model where id = ?", String.class, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no model " + id));
	}

	Map<String, Object> details(String id) {
		return this.jdbc.queryForList("""
				select result::text as result, training::text as training, model_card::text as card
				from model where id = ?""", id)
			.stream()
			.findFirst()
			.map(row -> Map.<String, Object>of("result", JSON.readTree((String) row.get("result")), "training",
					JSON.readTree((String) row.get("training")), "modelCard", JSON.readTree((String) row.get("card"))))
			.orElseThrow(() -> new NoSuchElementException("no model " + id));
	}

	private ModelArtifact load(String id) {
		try {
			Path directory = Files.createTempDirectory("churnguard-model-");
			try {
				List<Map<String, Object>> files = this.jdbc
					.queryForList("select name, content from model_file where model_id = ?", id);
				if (files.isEmpty()) {
					throw new NoSuchElementException("no model " + id);
				}
				for (Map<String, Object> file : files) {
					Files.write(directory.resolve((String) file.get("name")), (byte[]) file.get("content"));
				}
				return ModelArtifact.load(directory);
			}
			finally {
				deleteRecursively(directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, byte[]> files(ModelArtifact artifact) {
		try {
			Path directory = Files.createTempDirectory("churnguard-model-");
			try {
				artifact.save(directory);
				Map<String, byte[]> files = new java.util.LinkedHashMap<>();
				try (Stream<Path> paths = Files.list(directory)) {
					for (Path path : paths.sorted().toList()) {
						files.put(path.getFileName().toString(), Files.readAllBytes(path));
					}
				}
				return files;
			}
			finally {
				deleteRecursively(directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			List<Path> all = new ArrayList<>(paths.toList());
			all.sort(Comparator.reverseOrder());
			for (Path path : all) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static ModelVersion map(ResultSet rs, int row) throws SQLException {
		Timestamp promoted = rs.getTimestamp("promoted_at");
		double auc = rs.getDouble("auc");
		return new ModelVersion(rs.getString("id"), rs.getInt("version"), rs.getString("name"),
				rs.getString("algorithm"), rs.getString("status"), rs.getString("source"), rs.getInt("rows"),
				rs.getInt("features"), rs.wasNull() ? null : auc, rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), (promoted != null) ? promoted.toInstant() : null);
	}

}
