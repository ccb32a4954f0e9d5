package io.churnguard.app.scoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.scoring.ArchiveTraining;
import io.churnguard.app.scoring.ArchiveTrainingRequest;
import io.churnguard.app.scoring.ModelRegistry;
import io.churnguard.app.scoring.ModelVersion;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.feature.ChurnDefinition;
import io.churnguard.ml.feature.FeatureFrames;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.feature.ObservationSchedule;
import io.churnguard.ml.feature.TrainingSetBuilder;
import io.churnguard.ml.model.Algorithm;
import io.churnguard.ml.model.ChurnTableTraining;
import io.churnguard.ml.model.TrainingOutcome;
import io.churnguard.ml.model.TrainingRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The archive → training set → model path. Features and labels come from the same
 * point-in-time engine that scores customers later, so what the model learned is what it
 * will see.
 */
@Component
class EngineArchiveTraining implements ArchiveTraining {

	private final ArchiveEvents archive;

	private final FeatureCatalog catalog;

	private final ModelRegistry registry;

	private final JdbcTemplate jdbc;

	EngineArchiveTraining(ArchiveEvents archive, FeatureCatalog catalog, ModelRegistry registry, JdbcTemplate jdbc) {
		this.archive = archive;
		this.catalog = catalog;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@Override
	public Trained train(ArchiveTrainingRequest request) {
		long started = System.nanoTime();
		Timestamp earliest = this.jdbc.queryForObject("select min(event_time) from event", Timestamp.class);
		if (earliest == null) {
			throw new IllegalStateException("the archive has no events to train on: import events first");
		}
		LocalDate first = earliest.toLocalDateTime().toLocalDate().plusDays(request.historyDays());
		ObservationSchedule schedule = new ObservationSchedule(first, request.everyDays(), request.leadDays(),
				request.horizonDays(), request.dataEnd());
		ChurnDefinition churn = churnDefinition(request.churnDefinition());
		FeatureTable table;
		try {
			table = new TrainingSetBuilder(this.catalog.plan(), churn, schedule, threads()).build(
					this.archive.events(null, request.dataEnd().plusDays(1)),
					ArchiveEvents.lookup(this.archive.attributes(null)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (table.rowCount() == 0) {
			throw new IllegalStateException("no training rows: the archive's history from " + earliest.toLocalDateTime()
					+ " to " + request.dataEnd() + " is too short for a " + request.historyDays() + "-day history, a "
					+ request.leadDays() + "-day lead and a " + request.horizonDays() + "-day horizon");
		}
		Frame frame = FeatureFrames.of(table, true);
		TrainingOutcome outcome = ChurnTableTraining
			.train(TrainingRequest.ofFrame(frame, FeatureFrames.LABEL, "archive")
				.withPositive("1")
				.withExclude(exclusions(request))
				.withAlgorithm(Algorithm.parse(request.algorithm()))
				.withCv(request.cvFolds())
				.withSeed(request.seed()));
		Map<String, Object> training = new LinkedHashMap<>();
		training.put("dataEnd", request.dataEnd().toString());
		training.put("firstObservation", first.toString());
		training.put("everyDays", request.everyDays());
		training.put("leadDays", request.leadDays());
		training.put("horizonDays", request.horizonDays());
		training.put("churnDefinition", request.churnDefinition());
		training.put("featureSet", this.catalog.featureSet().name());
		training.put("trainingRows", table.rowCount());
		training.put("excluded", request.exclude());
		training.put("builtAt", LocalDateTime.now().toString());
		ModelVersion model = this.registry.register(outcome, "archive", training, request.user());
		return new Trained(model, outcome.result(), table.rowCount(), (System.nanoTime() - started) / 1_000_000);
	}

	private static List<String> exclusions(ArchiveTrainingRequest request) {
		List<String> exclude = new java.util.ArrayList<>();
		// The id column first: the trainer takes the first excluded column as the model's
		// id column.
		exclude.add(FeatureFrames.ID);
		exclude.addAll(request.exclude());
		return exclude;
	}

	static ChurnDefinition churnDefinition(String definition) {
		String value = (definition != null) ? definition.strip().toLowerCase(Locale.ROOT) : "churn-event";
		if (value.equals("churn-event")) {
			return ChurnDefinition.churnEvent();
		}
		if (value.equals("churn-event-or-contract-end")) {
			return ChurnDefinition.churnEventOrContractEnd();
		}
		if (value.startsWith("inactivity:")) {
			try {
				return ChurnDefinition.inactivity(Integer.parseInt(value.substring("inactivity:".length())));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("inactivity needs a number of days, e.g. inactivity:90");
			}
		}
		throw new IllegalArgumentException("unknown churn definition '" + definition
				+ "' (use churn-event, churn-event-or-contract-end or inactivity:<days>)");
	}

	static int threads() {
		return Runtime.getRuntime().availableProcessors();
	}

}
