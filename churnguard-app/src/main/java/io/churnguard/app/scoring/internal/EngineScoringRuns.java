package io.churnguard.app.scoring.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.feature.SettledFeatures;
import io.churnguard.app.platform.jdbc.CopyRows;
import io.churnguard.app.platform.jdbc.MonthlyPartitions;
import io.churnguard.app.scoring.CustomersScored;
import io.churnguard.app.scoring.ModelRegistry;
import io.churnguard.app.scoring.ModelVersion;
import io.churnguard.app.scoring.ScoringObserver;
import io.churnguard.app.scoring.ScoringRuns;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.explain.Reason;
import io.churnguard.ml.feature.FeatureFrames;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.Scorer;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily scoring job: features of every active customer as of today through the batch
 * runner, probabilities for all, reasons for the customers in the high and medium bands
 * (the ones warnings are raised for, and the costly part), stored with COPY, then
 * {@link CustomersScored}.
 */
@Component
class EngineScoringRuns implements ScoringRuns {

	private static final Logger log = LoggerFactory.getLogger(EngineScoringRuns.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ModelRegistry registry;

	private final ArchiveEvents archive;

	private final FeatureCatalog catalog;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final List<ScoringObserver> observers;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	private final SettledHistories histories;

	private final SettledFeatures settledFeatures;

	private final MonthlyPartitions scorePartitions;

	private final int historyMonths;

	private final RealtimeReasons realtimeReasons;

	/**
	 * Which customers real-time rescoring explains. TreeSHAP over a large ensemble costs
	 * a millisecond or more per customer, far more than the rest of a rescoring.
	 */
	enum RealtimeReasons {

		/**
		 * Those without fitting reasons stored (none, or another model's) and those whose
		 * warning is raised or upgraded; the others keep their reasons until the daily
		 * job.
		 */
		CHANGES,

		/** Every customer in the high and medium bands, at every rescoring. */
		EVERY;

		static RealtimeReasons of(String setting) {
			for (RealtimeReasons value : values()) {
				if (value.name().equalsIgnoreCase(setting.strip())) {
					return value;
				}
			}
			throw new IllegalArgumentException(
					"churnguard.scoring.realtime-reasons must be 'changes' or 'every', not '" + setting + "'");
		}

	}

	EngineScoringRuns(ModelRegistry registry, ArchiveEvents archive, FeatureCatalog catalog, JdbcTemplate jdbc,
			ApplicationEventPublisher events, List<ScoringObserver> observers, AuditLog audit, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone, SettledHistories histories,
			SettledFeatures settledFeatures, @Value("${churnguard.scoring.history-months:24}") int historyMonths,
			@Value("${churnguard.scoring.realtime-reasons:changes}") String realtimeReasons) {
		this.realtimeReasons = RealtimeReasons.of(realtimeReasons);
		this.histories = histories;
		this.settledFeatures = settledFeatures;
		this.scorePartitions = new MonthlyPartitions(jdbc, "score");
		this.historyMonths = historyMonths;
		this.registry = registry;
		this.archive = archive;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.events = events;
		this.observers = observers;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	// Transactional here as well: the scheduler calls through the proxy, but scoreAll
	// below is
	// a call on this object, which would otherwise store scores even when raising fails.
	@Scheduled(cron = "${churnguard.scoring.cron:0 0 4 * * *}", zone = "${churnguard.time-zone:Asia/Shanghai}")
	@Transactional
	void daily() {
		if (this.registry.champion().isEmpty()) {
			log.info("No champion model yet: the daily scoring run is skipped");
			return;
		}
		ScoringRun run = scoreAll(LocalDate.now(this.clock.withZone(this.zone)), "scheduler");
		log.info("Scored {} customers ({} high, {} medium) in {} ms", run.customers(), run.high(), run.medium(),
				run.elapsedMs());
	}

	@Override
	@Transactional
	public ScoringRun scoreAll(LocalDate asOf, String user) {
		long started = System.nanoTime();
		RunPhases phases = new RunPhases();
		ModelVersion champion = this.registry.champion()
			.orElseThrow(() -> new IllegalStateException("no champion model yet: train a model first"));
		ModelArtifact artifact = this.registry.artifact(champion.id());
		phases.ended("model");
		Instant startedAt = this.clock.instant();
		long runId = this.jdbc.queryForObject(
				"insert into scoring_run (started_at, started_by, as_of, model_id) values (?, ?, ?, ?) returning id",
				Long.class, Timestamp.from(startedAt), user, asOf, champion.id());

		// The daily run reads every history anyway; the real-time path starts afresh from
		// it.
		this.histories.clear();
		Map<String, CustomerAttributes> attributes = this.archive.attributes(null);
		phases.ended("attributes");
		// Stored settled states and the days since where they serve; the states this run
		// settles are stored in the background meanwhile.
		SettledFeatures.Computed features = this.settledFeatures.allAsOf(asOf, ArchiveEvents.lookup(attributes),
				Runtime.getRuntime().availableProcessors());
		TableScores scored = score(artifact, champion.id(), runId, asOf, features.table(), attributes, phases);
		scored.explainAll();
		phases.ended("reasons");
		double[] probabilities = scored.probabilities();
		List<Reason>[] reasons = scored.rawReasons();
		Frame frame = scored.frame();
		long[] bands = new long[3];
		CopyRows rows = new CopyRows(probabilities.length);
		String run = Long.toString(runId);
		for (int r = 0; r < probabilities.length; r++) {
			String customerId = frame.column(FeatureFrames.ID).text(r);
			String band = artifact.riskBands().band(probabilities[r]);
			bands[switch (band) {
				case "high" -> 0;
				case "medium" -> 1;
				default -> 2;
			}]++;
			double fee = attributes.get(customerId).monthlyFee();
			rows.raw(run)
				.text(customerId)
				.date(asOf)
				.text(champion.id())
				.number(probabilities[r])
				.text(band)
				.number(Double.isNaN(fee) ? null : Math.round(probabilities[r] * fee * 12 * 100) / 100.0)
				.text((reasons[r] != null) ? JSON.writeValueAsString(reasons[r]) : null)
				.endRow();
		}
		this.scorePartitions.ensure(List.of(YearMonth.from(asOf)));
		Connection connection = DataSourceUtils.getConnection(this.jdbc.getDataSource());
		try {
			rows.copyInto(connection,
					"score (run_id, customer_id, as_of, model_id, probability, risk_band, value_at_risk, reasons)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not store scores: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.jdbc.getDataSource());
		}
		phases.ended("scoresStored");
		this.jdbc.update("""
				insert into score_latest (customer_id, run_id, scored_at, as_of, model_id, probability, risk_band,
				                          value_at_risk, reasons)
				select customer_id, run_id, ?, as_of, model_id, probability, risk_band, value_at_risk, reasons
				from score where run_id = ?
				order by customer_id
				on conflict (customer_id) do update set run_id = excluded.run_id, scored_at = excluded.scored_at,
				  as_of = excluded.as_of, model_id = excluded.model_id, probability = excluded.probability,
				  risk_band = excluded.risk_band, value_at_risk = excluded.value_at_risk, reasons = excluded.reasons""",
				Timestamp.from(this.clock.instant()), runId);
		phases.ended("latestScores");
		purgeScoreHistory(asOf, user);
		this.observers.forEach(observer -> observer.scored(scored));
		phases.ended("warnings");
		awaitSettledStates(features);
		phases.ended("featureStates");
		Map<String, Long> phaseMillis = phases.millis();
		log.info("Scoring run {} phases: {}", runId, phases);
		long elapsedMs = (System.nanoTime() - started) / 1_000_000;
		this.jdbc.update("""
				update scoring_run set finished_at = ?, customers = ?, high = ?, medium = ?, low = ?, elapsed_ms = ?,
				  phases = ?::json
				where id = ?""", Timestamp.from(this.clock.instant()), probabilities.length, bands[0], bands[1],
				bands[2], elapsedMs, JSON.writeValueAsString(phaseMillis), runId);
		this.audit.record(AuditRecord.success("SCORING_RUN", "scoring_run", run)
			.by(user, null)
			.with("model", champion.id())
			.with("customers", probabilities.length));
		this.events.publishEvent(new CustomersScored(runId, asOf, champion.id()));
		return new ScoringRun(runId, asOf, champion.id(), probabilities.length, bands[0], bands[1], bands[2], elapsedMs,
				startedAt, user, phaseMillis);
	}

	/**
	 * Waits for the states the run settled to be stored. Failing to store them leaves
	 * this run's scores right — the next run reads from the states stored before, or the
	 * whole log — so it is logged, not raised.
	 */
	private static void awaitSettledStates(SettledFeatures.Computed features) {
		try {
			features.statesStored();
		}
		catch (RuntimeException ex) {
			log.error("The feature states of this run were not stored ({}); the next run reads from older ones",
					ex.getMessage(), ex);
		}
	}

	/**
	 * Drops the months of score history older than the retention period, whole partitions
	 * at a time; audited, as every deletion of customer data is.
	 */
	private void purgeScoreHistory(LocalDate asOf, String user) {
		if (this.historyMonths <= 0) {
			return;
		}
		YearMonth firstKept = YearMonth.from(asOf).minusMonths(this.historyMonths - 1L);
		List<YearMonth> dropped = this.scorePartitions.dropBefore(firstKept);
		if (!dropped.isEmpty()) {
			log.info("Score history of {} dropped: older than {} months", dropped, this.historyMonths);
			this.audit.record(AuditRecord
				.success("SCORE_HISTORY_PURGED", "score", dropped.get(0) + ".." + dropped.get(dropped.size() - 1))
				.by(user, null)
				.with("months", dropped.size())
				.with("historyMonths", this.historyMonths));
		}
	}

	@Override
	public List<ScoringRun> recent(int limit) {
		return this.jdbc.query("""
				select id, as_of, model_id, customers, high, medium, low, elapsed_ms, started_at, started_by, phases
				from scoring_run where finished_at is not null order by id desc limit ?""",
				(rs, row) -> new ScoringRun(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
						rs.getString("model_id"), rs.getLong("customers"), rs.getLong("high"), rs.getLong("medium"),
						rs.getLong("low"), rs.getLong("elapsed_ms"), rs.getTimestamp("started_at").toInstant(),
						rs.getString("started_by"), phases(rs.getString("phases"))),
				limit);
	}

	// Kept in the order written: the column is json, not jsonb.
	private static Map<String, Long> phases(String json) {
		Map<String, Long> phases = new LinkedHashMap<>();
		if (json != null) {
			JSON.readTree(json).properties().forEach(entry -> phases.put(entry.getKey(), entry.getValue().asLong()));
		}
		return Collections.unmodifiableMap(phases);
	}

	@Override
	@Transactional
	public int rescore(java.util.Collection<String> customerIds) {
		Optional<ModelVersion> champion = this.registry.champion();
		if (champion.isEmpty() || customerIds.isEmpty()) {
			return 0;
		}
		// Tomorrow's features hold every event received so far, today's included.
		LocalDate asOf = LocalDate.now(this.clock.withZone(this.zone)).plusDays(1);
		ModelArtifact artifact = this.registry.artifact(champion.get().id());
		Map<String, CustomerAttributes> attributes = this.archive.attributes(customerIds);
		// Settled histories in memory, only the open days read.
		FeatureTable table = this.histories.asOf(this.catalog.plan(), customerIds, ArchiveEvents.lookup(attributes),
				asOf);
		TableScores scored = score(artifact, champion.get().id(), 0, asOf, table, attributes, new RunPhases());
		Set<String> fittingReasons = lockLatestScores(scored);
		if (this.realtimeReasons == RealtimeReasons.EVERY) {
			scored.explainAll();
		}
		else {
			scored.explain(reasonsOutdated(scored, fittingReasons));
		}
		// Raising explains the warnings it raises or upgrades, so the latest scores are
		// written after it, with every reason explained in this call.
		this.observers.forEach(observer -> observer.scored(scored));
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object[]> upserts = new ArrayList<>(scored.size());
		for (int r = 0; r < scored.size(); r++) {
			List<Reason> reasons = scored.rawReasons()[r];
			upserts.add(new Object[] { scored.customerId(r), now, asOf, champion.get().id(), scored.probability(r),
					scored.riskBand(r), scored.valueAtRisk(r),
					(reasons != null) ? JSON.writeValueAsString(reasons) : null });
		}
		// In customer order, as the rows were locked above (new customers have none yet).
		upserts.sort(Comparator.comparing(row -> (String) row[0]));
		// One round trip for the batch (the driver rewrites it into a multi-row insert).
		// Reasons not explained in this call (null) keep the ones stored; the low
		// band has none.
		this.jdbc.batchUpdate("""
				insert into score_latest (customer_id, run_id, scored_at, as_of, model_id, probability, risk_band,
				                          value_at_risk, reasons)
				values (?, 0, ?, ?, ?, ?, ?, ?, ?::jsonb)
				on conflict (customer_id) do update set run_id = 0, scored_at = excluded.scored_at,
				  as_of = excluded.as_of, model_id = excluded.model_id, probability = excluded.probability,
				  risk_band = excluded.risk_band, value_at_risk = excluded.value_at_risk,
				  reasons = case when excluded.risk_band = 'low' then null
				                 else coalesce(excluded.reasons, score_latest.reasons) end""", upserts);
		return scored.size();
	}

	/**
	 * Locks the batch's latest scores, in customer order, before raising touches their
	 * warnings. The daily job writes every latest score (in customer order) and then the
	 * warnings, all in one transaction; a batch that locked a warning first and its
	 * latest score last waited for the job while the job waited for it, and one of the
	 * two was cancelled as a deadlock. Taking the rows in the same order as the job means
	 * whichever comes second waits for the first to commit.
	 * @return the customers whose stored reasons are the champion's (the same read)
	 */
	private Set<String> lockLatestScores(TableScores scored) {
		Set<String> fitting = new HashSet<>();
		if (scored.size() == 0) {
			return fitting;
		}
		String[] ids = new String[scored.size()];
		for (int r = 0; r < ids.length; r++) {
			ids[r] = scored.customerId(r);
		}
		this.jdbc.query("""
				select customer_id, reasons is not null and model_id = ? as fitting from score_latest
				where customer_id = any (?) order by customer_id for update""", ps -> {
			ps.setString(1, scored.modelId());
			ps.setArray(2, ps.getConnection().createArrayOf("varchar", ids));
		}, rs -> {
			if (rs.getBoolean("fitting")) {
				fitting.add(rs.getString("customer_id"));
			}
		});
		return fitting;
	}

	/**
	 * The rows of a real-time rescoring without fitting reasons stored: none (the
	 * customer was in the low band, or new), or another model's. The others keep theirs
	 * unless raising needs new ones, and the daily job explains everyone again. A change
	 * of band alone does not count: after a daily job one in nine customers rescored in
	 * real time crossed a band boundary (measured at a million customers), nearly all
	 * because the windows moved by a day, while the features that drive their risk
	 * stayed.
	 */
	private static int[] reasonsOutdated(TableScores scored, Set<String> fittingReasons) {
		return IntStream.range(0, scored.size())
			.filter(r -> !scored.explained(r) && !fittingReasons.contains(scored.customerId(r)))
			.toArray();
	}

	/**
	 * Probabilities of the active customers of a feature table, as of a day; their
	 * reasons are explained when asked for (see {@link TableScores}).
	 */
	private TableScores score(ModelArtifact artifact, String modelId, long runId, LocalDate asOf, FeatureTable table,
			Map<String, CustomerAttributes> attributes, RunPhases phases) {
		phases.ended("features");
		List<Integer> active = new ArrayList<>();
		for (int r = 0; r < table.rowCount(); r++) {
			CustomerAttributes customer = attributes.get(table.customerId(r));
			if (activeOn(customer, asOf)) {
				active.add(r);
			}
		}
		Frame frame = FeatureFrames.of(table, false).rows(active.stream().mapToInt(Integer::intValue).toArray());
		double[] probabilities = Scorer.probabilities(artifact, frame);
		phases.ended("probabilities");
		return new TableScores(runId, asOf, modelId, table, active, frame, probabilities, artifact, attributes,
				this.catalog.featureSet());
	}

	/**
	 * Whether a customer was still a customer on a day: active now, or churned after it —
	 * so scoring a past day (a back-test) sees the customers of that day.
	 */
	static boolean activeOn(CustomerAttributes customer, LocalDate day) {
		return customer != null
				&& (!customer.churned() || (customer.churnDate() != null && customer.churnDate().isAfter(day)));
	}

}
