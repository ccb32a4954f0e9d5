package io.churnguard.app.retention.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.churnguard.app.retention.UpliftTrainingRequest;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.uplift.UpliftArtifact;
import io.churnguard.ml.uplift.UpliftLearner;
import io.churnguard.ml.uplift.UpliftTrainer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training an uplift model from finished campaigns: their treated and control members
 * (white-listed members were not randomized and are left out), each member's outcome from
 * the archive — churned within the campaign's observation window after enrolment — and
 * features as of the enrolment day, the campaign's start. The retention head and analysts
 * train; the model is stored versioned with its Qini and AUUC on held-out members, and
 * the training is audited.
 */
@Service
class TrainingUpliftModel {

	private final Campaigns campaigns;

	private final FeaturesAsOf features;

	private final UpliftModels models;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final String zone;

	TrainingUpliftModel(Campaigns campaigns, FeaturesAsOf features, UpliftModels models, JdbcTemplate jdbc,
			AuditLog audit, Clock clock, @Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.campaigns = campaigns;
		this.features = features;
		this.models = models;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone).getId();
	}

	@Transactional
	Trained train(UpliftTrainingRequest request, Actor actor) {
		long started = System.nanoTime();
		if (!actor.hasRole(Role.RETENTION_HEAD, Role.ANALYST)) {
			this.audit.record(Audits.by(AuditRecord.denied("UPLIFT_MODEL_TRAINED", "uplift_model", "new")
				.with("reason", "only the retention head and analysts train uplift models"), actor));
			throw new AccessDeniedException("only the retention head and analysts train uplift models");
		}
		Instant now = this.clock.instant();
		for (long id : request.campaignIds()) {
			requireFinished(this.campaigns.require(id),
					this.jdbc.queryForObject("select max(enrolled_at) from campaign_member where campaign_id = ?",
							java.sql.Timestamp.class, id),
					now);
		}
		// Members in campaign and customer order, grouped by the day their features are
		// taken.
		Map<LocalDate, List<UpliftLearning.Member>> byDay = new TreeMap<>();
		this.jdbc.query("""
				select m.campaign_id, m.customer_id, m.grp, m.action, (m.enrolled_at at time zone ?)::date as day,
				       """ + MemberOutcome.CHURNED_IN_WINDOW + """
				        as churned
				from campaign_member m join campaign k on k.id = m.campaign_id
				join customer c on c.customer_id = m.customer_id
				where m.campaign_id = any (?) and m.grp in ('treatment', 'control')
				order by m.campaign_id, m.customer_id""", rs -> {
			byDay.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new ArrayList<>())
				.add(new UpliftLearning.Member(rs.getLong("campaign_id"), rs.getString("customer_id"),
						"treatment".equals(rs.getString("grp")) ? rs.getString("action") : null,
						rs.getBoolean("churned")));
		}, this.zone, this.zone, request.campaignIds().toArray(Long[]::new));
		List<UpliftLearning.Member> members = new ArrayList<>();
		List<Frame> frames = new ArrayList<>();
		int withoutFeatures = 0;
		for (Map.Entry<LocalDate, List<UpliftLearning.Member>> day : byDay.entrySet()) {
			List<String> ids = day.getValue().stream().map(UpliftLearning.Member::customerId).distinct().toList();
			FeaturesAsOf.Selection selection = FeaturesAsOf.select(this.features.of(ids, day.getKey()),
					day.getValue().stream().map(UpliftLearning.Member::customerId).toList());
			java.util.Set<String> known = new java.util.HashSet<>(selection.ids());
			for (UpliftLearning.Member member : day.getValue()) {
				if (known.contains(member.customerId())) {
					members.add(member);
				}
				else {
					withoutFeatures++;
				}
			}
			if (!selection.ids().isEmpty()) {
				frames.add(selection.features());
			}
		}
		if (members.isEmpty()) {
			throw new IllegalArgumentException(
					"the campaigns " + request.campaignIds() + " have no members to learn from");
		}
		UpliftLearner learner = UpliftLearner.valueOf(request.learner());
		GbdtParameters parameters = UpliftTrainer.defaultParameters(request.seed());
		UpliftLearning.Result result = UpliftLearning.learn(members, FrameStack.of(frames), learner, parameters,
				request.holdoutShare(), request.seed());

		Map<String, Object> training = new LinkedHashMap<>();
		training.put("campaignIds", request.campaignIds());
		training.put("learner", learner.name());
		training.put("holdoutShare", request.holdoutShare());
		training.put("seed", request.seed());
		training.put("members", members.size());
		training.put("withoutFeatures", withoutFeatures);
		training.put("featuresAsOf", byDay.keySet().stream().map(LocalDate::toString).toList());
		training.put("outcome", "churned within the campaign's observation window after enrolment");
		training.put("skippedActions", result.skipped());
		training.put("trainedAt", now.toString());
		UpliftArtifact artifact = UpliftArtifact.of(learner, parameters, result.models(), training);
		UpliftModels.UpliftModelVersion version = this.models.insert(artifact, request.campaignIds(), result, training,
				actor.username(), now);
		UpliftLearning.ActionEvaluation headline = result.headline();
		this.audit.record(Audits.by(AuditRecord.success("UPLIFT_MODEL_TRAINED", "uplift_model", version.id())
			.with("version", version.version())
			.with("learner", learner.name())
			.with("campaigns", request.campaignIds().toString())
			.with("actions", String.join(",", artifact.actions()))
			.with("qini", headline.qiniCoefficient()), actor));
		return new Trained(version, result.evaluations(), result.skipped(), members.size(), withoutFeatures,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A campaign teaches uplift once it is finished and every member's observation window
	 * has ended: before that, its outcomes are not all known.
	 */
	private static void requireFinished(Campaign campaign, java.sql.Timestamp lastEnrolment, Instant now) {
		if (campaign.status() != CampaignStatus.FINISHED) {
			throw new IllegalStateException("campaign " + campaign.id() + " is " + campaign.status().code()
					+ ": uplift is learned from finished campaigns");
		}
		if (lastEnrolment != null
				&& lastEnrolment.toInstant().plus(Duration.ofDays(campaign.observationDays())).isAfter(now)) {
			throw new IllegalStateException("campaign " + campaign.id() + "'s observation window of "
					+ campaign.observationDays() + " days has not ended: its outcomes are not all known yet");
		}
	}

	/**
	 * @param model the stored model
	 * @param evaluations each action's Qini and AUUC on the held-out members
	 * @param skippedActions actions left out for too few members
	 * @param members members learned from (training and held out)
	 * @param withoutFeatures members left out for having no events before the start
	 * @param elapsedMs how long it took
	 */
	record Trained(UpliftModels.UpliftModelVersion model, List<UpliftLearning.ActionEvaluation> evaluations,
			List<String> skippedActions, int members, int withoutFeatures, long elapsedMs) {
	}

}
