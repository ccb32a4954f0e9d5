package io.churnguard.app.warning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.runtime.CelVariableResolver;
import io.churnguard.app.scoring.CustomerScore;
import io.churnguard.app.scoring.ScoredCustomers;
import io.churnguard.app.scoring.ScoringObserver;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.ml.feature.FeatureVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns fresh scores into warnings: a model warning where the level matrix gives the
 * customer's band and grade a level, and a rule warning for every enabled rule that holds
 * on the features the score was computed from. Used by the daily job and by real-time
 * rescoring alike.
 */
@Component
class WarningsFromScores implements ScoringObserver {

	private static final Logger log = LoggerFactory.getLogger(WarningsFromScores.class);

	private final LevelMatrixStore matrix;

	private final RuleStore rules;

	private final RaisingWarnings raising;

	private final CustomerFactsStore customers;

	private final AuditLog audit;

	WarningsFromScores(LevelMatrixStore matrix, RuleStore rules, RaisingWarnings raising, CustomerFactsStore customers,
			AuditLog audit) {
		this.matrix = matrix;
		this.rules = rules;
		this.raising = raising;
		this.customers = customers;
		this.audit = audit;
	}

	@Override
	public void scored(ScoredCustomers scored) {
		RaisingWarnings.Outcome outcome = raiseFrom(scored, (scored.runId() > 0) ? "scoring" : "realtime");
		if (scored.runId() > 0) {
			log.info("Scoring run {}: {} warnings raised, {} upgraded, {} suppressed", scored.runId(), outcome.raised(),
					outcome.upgraded(), outcome.suppressed());
			this.audit.record(AuditRecord.success("WARNINGS_RAISED", "scoring_run", Long.toString(scored.runId()))
				.by("system", null)
				.with("raised", outcome.raised())
				.with("upgraded", outcome.upgraded())
				.with("suppressed", outcome.suppressed()));
		}
	}

	RaisingWarnings.Outcome raiseFrom(ScoredCustomers scored, String actor) {
		LevelMatrix levels = this.matrix.current();
		List<WarningRule> enabled = this.rules.enabled();
		// Looked up once per run, not per customer and rule: each lookup passes the
		// store's transactional proxy.
		List<RuleExpression> expressions = enabled.stream().map(this.rules::expression).toList();
		List<String> ids = new ArrayList<>(scored.size());
		for (int row = 0; row < scored.size(); row++) {
			ids.add(scored.customerId(row));
		}
		Map<String, CustomerFacts> facts = this.customers.facts(ids);
		List<Candidate> candidates = new ArrayList<>();
		for (int row = 0; row < scored.size(); row++) {
			CustomerFacts customer = facts.get(scored.customerId(row));
			if (customer == null || !customer.activeOn(scored.asOf())) {
				continue;
			}
			Optional<WarningLevel> level = levels.level(scored.riskBand(row), customer.grade());
			if (level.isPresent()) {
				List<Candidate.Reason> reasons = scored.explained(row) ? reasons(scored, row) : null;
				candidates
					.add(new Candidate(customer.customerId(), "model", "model", level.get(), scored.probability(row),
							scored.riskBand(row), scored.modelId(), reasons, scored.valueAtRisk(row), null));
			}
			if (!enabled.isEmpty()) {
				FeatureVector features = scored.features(row);
				CelVariableResolver variables = RuleExpression.variables(features, scored.probability(row),
						scored.riskBand(row));
				for (int r = 0; r < enabled.size(); r++) {
					WarningRule rule = enabled.get(r);
					if (expressions.get(r).matches(variables)) {
						candidates.add(new Candidate(customer.customerId(), rule.causeKey(), rule.cause(),
								WarningLevel.ofRank(rule.level()), scored.probability(row), scored.riskBand(row),
								scored.modelId(),
								List.of(new Candidate.Reason(RuleExpression.render(rule.messageZh(), features),
										RuleExpression.render(rule.messageEn(), features))),
								scored.valueAtRisk(row), rule.action()));
					}
				}
			}
		}
		return this.raising.raise(candidates, facts, scored.asOf(), actor, customerIds -> explain(scored, customerIds));
	}

	/** Explains the rows of these customers in one pass. */
	private static Map<String, List<Candidate.Reason>> explain(ScoredCustomers scored, List<String> customerIds) {
		Set<String> wanted = new HashSet<>(customerIds);
		List<Integer> rows = new ArrayList<>();
		for (int row = 0; row < scored.size(); row++) {
			if (wanted.contains(scored.customerId(row))) {
				rows.add(row);
			}
		}
		scored.explain(rows.stream().mapToInt(Integer::intValue).toArray());
		Map<String, List<Candidate.Reason>> reasons = new HashMap<>();
		for (int row : rows) {
			reasons.put(scored.customerId(row), reasons(scored, row));
		}
		return reasons;
	}

	private static List<Candidate.Reason> reasons(ScoredCustomers scored, int row) {
		return scored.reasons(row).stream().map(WarningsFromScores::reason).toList();
	}

	private static Candidate.Reason reason(CustomerScore.ScoreReason reason) {
		return new Candidate.Reason(reason.zh(), reason.en());
	}

}
