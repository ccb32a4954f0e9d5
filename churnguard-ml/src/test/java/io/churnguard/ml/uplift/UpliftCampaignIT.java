package io.churnguard.ml.uplift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.PipelineOptions;
import io.churnguard.ml.experiment.Effect;
import io.churnguard.ml.experiment.PowerCalculation;
import io.churnguard.ml.experiment.RandomizedAssignment;
import io.churnguard.ml.experiment.Unit;
import io.churnguard.ml.model.gbdt.GradientBoosting;
import io.churnguard.ml.model.gbdt.TreeEnsemble;
import io.churnguard.ml.sim.RetentionAction;
import io.churnguard.ml.sim.Treatment;
import io.churnguard.ml.sim.UpliftSegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retention campaign run end to end against the simulated operator, whose true
 * treatment effects are known.
 *
 * <p>
 * Company A (60,000 customers, six months) runs a randomized discount campaign on every
 * active customer, stratified by value grade and plan, half held out; the simulation is
 * continued three months with the treatments, and the measured effect is compared with
 * the truth. Both uplift learners are trained on the campaign. Company B (30,000
 * customers, a different seed) is the next quarter's population: the learners' scores are
 * evaluated there by a randomized campaign of its own (Qini, AUUC), and the targeting
 * policies spend the same budget (a discount for a tenth of the customers), their saved
 * customers counted with truth.csv's true effects.
 *
 * <p>
 * The issue's targets — uplift targeting saving 1.3 times what risk targeting saves and
 * 80 % of the oracle's — are <b>not</b> met, and
 * {@link #theIssuesTargetsAreOutOfReachOfAnyModelOfTheObservableFeatures} shows why: even
 * a regressor trained on the true effects themselves falls far short of the oracle,
 * because which customers a discount keeps depends mostly on traits the events do not
 * show. docs/uplift.md has the figures.
 */
class UpliftCampaignIT {

	private static final RetentionAction ACTION = RetentionAction.DISCOUNT;

	private static final String DISCOUNT = ACTION.code();

	private static final double VALUE = 3000;

	private static final double COST = 30;

	private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

	@TempDir
	static Path dir;

	private static SimulatedCompany past;

	private static List<String> eligible;

	private static Frame pastFeatures;

	private static Effect effect;

	private static double trueAverageEffect;

	private static Map<UpliftLearner, UpliftModel> models;

	private static SimulatedCompany next;

	private static List<String> nextIds;

	private static Frame nextFeatures;

	private static boolean[] nextTreated;

	private static int[] nextChurned;

	private static double[] nextTrueReduction;

	private static double budget;

	@BeforeAll
	static void runTheCampaignAndTrainTheLearners() {
		past = SimulatedCompany.simulate(60_000, 6, 101, dir.resolve("past"));
		eligible = past.active();
		Frame features = past.features(eligible);
		pastFeatures = features;
		List<String> grades = categories(features, "grade");
		List<String> plans = categories(features, "plan");
		List<Unit> units = new ArrayList<>();
		for (int i = 0; i < eligible.size(); i++) {
			units.add(new Unit(eligible.get(i), grades.get(i) + "|" + plans.get(i)));
		}
		Map<String, Boolean> control = RandomizedAssignment.assign(units, eligible.size() / 2, 5);
		List<Treatment> treatments = eligible.stream()
			.filter((id) -> !control.get(id))
			.map((id) -> new Treatment(id, ACTION, past.end))
			.toList();
		Set<String> churners = past.churnersAfter(treatments, 3, dir.resolve("past-campaign"));

		boolean[] treated = new boolean[eligible.size()];
		int[] churned = new int[eligible.size()];
		long[] counts = new long[4];
		double trueSum = 0;
		for (int i = 0; i < eligible.size(); i++) {
			String id = eligible.get(i);
			treated[i] = !control.get(id);
			churned[i] = churners.contains(id) ? 1 : 0;
			counts[treated[i] ? 0 : 2]++;
			counts[treated[i] ? 1 : 3] += 1 - churned[i];
			trueSum += past.truth(id).reduction(ACTION);
		}
		effect = Effect.of(counts[0], counts[1], counts[2], counts[3]);
		trueAverageEffect = trueSum / eligible.size();

		UpliftSample sample = new UpliftSample(features, treated, churned);
		models = new LinkedHashMap<>();
		for (UpliftLearner learner : UpliftLearner.values()) {
			models.put(learner, new UpliftTrainer(learner, UpliftTrainer.defaultParameters(7)).train(sample));
		}

		next = SimulatedCompany.simulate(30_000, 6, 202, dir.resolve("next"));
		nextIds = next.active();
		nextFeatures = next.features(nextIds);
		Map<String, Boolean> nextControl = RandomizedAssignment
			.assign(nextIds.stream().map((id) -> new Unit(id, "all")).toList(), nextIds.size() / 2, 6);
		Set<String> nextChurners = next.churnersAfter(nextIds.stream()
			.filter((id) -> !nextControl.get(id))
			.map((id) -> new Treatment(id, ACTION, next.end))
			.toList(), 3, dir.resolve("next-campaign"));
		nextTreated = new boolean[nextIds.size()];
		nextChurned = new int[nextIds.size()];
		nextTrueReduction = new double[nextIds.size()];
		for (int i = 0; i < nextIds.size(); i++) {
			nextTreated[i] = !nextControl.get(nextIds.get(i));
			nextChurned[i] = nextChurners.contains(nextIds.get(i)) ? 1 : 0;
			nextTrueReduction[i] = next.truth(nextIds.get(i)).reduction(ACTION);
		}
		budget = Math.floor(nextIds.size() / 10.0) * COST;
	}

	@Test
	void theCampaignsConfidenceIntervalContainsTheTrueAverageEffect() {
		FIGURES.put("eligible", eligible.size());
		FIGURES.put("effect", effect);
		FIGURES.put("trueAverageEffect", trueAverageEffect);
		assertThat(effect.ciLow()).as("lower end vs true %.5f", trueAverageEffect)
			.isLessThanOrEqualTo(trueAverageEffect);
		assertThat(effect.ciHigh()).as("upper end vs true %.5f", trueAverageEffect)
			.isGreaterThanOrEqualTo(trueAverageEffect);
		// Half of the company held out detects an effect of this size: the design had the
		// power.
		double detectable = PowerCalculation.minimumDetectableEffect((int) effect.treated(), (int) effect.control(),
				effect.controlRate(), 0.05, 0.8);
		FIGURES.put("minimumDetectableEffect", detectable);
		assertThat(detectable).isLessThan(trueAverageEffect);
	}

	@Test
	void bothLearnersAreScoredOnTheNextPopulationsOwnCampaign() {
		Qini truth = Qini.of(nextTrueReduction, nextTreated, nextChurned);
		FIGURES.put("trueUplift.qini", truth.qiniCoefficient());
		FIGURES.put("trueUplift.auuc", truth.auuc());
		FIGURES.put("randomAuuc", truth.randomAuuc());
		// The measure works: ranking by the true uplift beats chance on observed
		// outcomes.
		assertThat(truth.qiniCoefficient()).isPositive();
		assertThat(truth.auuc()).isGreaterThan(truth.randomAuuc());
		for (Map.Entry<UpliftLearner, UpliftModel> model : models.entrySet()) {
			double[] uplift = model.getValue().uplift(nextFeatures);
			Qini qini = Qini.of(uplift, nextTreated, nextChurned);
			FIGURES.put(model.getKey() + ".qini", qini.qiniCoefficient());
			FIGURES.put(model.getKey() + ".auuc", qini.auuc());
			FIGURES.put(model.getKey() + ".correlationWithTrueUplift", correlation(uplift, nextTrueReduction));
			// Measured, not good: the learners rank far below the truth (docs/uplift.md).
			assertThat(qini.qiniCoefficient()).as("%s Qini coefficient", model.getKey())
				.isLessThan(truth.qiniCoefficient());
		}
	}

	@Test
	void upliftTargetingIsComparedWithRiskTargetingAndTheOracleOnTheTruth() {
		double oracle = saved(new OracleTargeting(Map.of(DISCOUNT, COST)).choose(truthCandidates(), budget));
		FIGURES.put("budget", budget);
		FIGURES.put("oracle.saved", oracle);
		for (Map.Entry<UpliftLearner, UpliftModel> model : models.entrySet()) {
			List<TargetingCandidate> candidates = estimatedCandidates(model.getValue());
			TargetingPlan byUplift = new UpliftTargeting(Map.of(DISCOUNT, COST)).choose(candidates, budget);
			TargetingPlan byRisk = new RiskTargeting(DISCOUNT, COST).choose(candidates, budget);
			double upliftSaved = saved(byUplift);
			double riskSaved = saved(byRisk);
			String name = model.getKey().toString();
			FIGURES.put(name + ".upliftTargeting.saved", upliftSaved);
			FIGURES.put(name + ".upliftTargeting.expectedSaved", byUplift.expectedSaved());
			FIGURES.put(name + ".riskTargeting.saved", riskSaved);
			FIGURES.put(name + ".versusRisk", upliftSaved / riskSaved);
			FIGURES.put(name + ".versusOracle", upliftSaved / oracle);
			FIGURES.put(name + ".doNotContact", byUplift.doNotContact().size());
			FIGURES.put(name + ".doNotContact.sleepingDogShare",
					share(byUplift.doNotContact(), UpliftSegment.SLEEPING_DOG));
			FIGURES.put("sleepingDogShare", share(nextIds, UpliftSegment.SLEEPING_DOG));
			// What holds: the plan stays within the budget and keeps customers. The
			// issue's targets (1.3 × risk, 0.8 × oracle) do not: the test below shows
			// why.
			assertThat(byUplift.totalCost()).isLessThanOrEqualTo(budget);
			assertThat(upliftSaved).as("%s uplift targeting saves customers", name).isPositive();
			assertThat(upliftSaved / oracle).as("%s share of the oracle", name).isLessThan(0.8);
		}
	}

	@Test
	void theIssuesTargetsAreOutOfReachOfAnyModelOfTheObservableFeatures() {
		// A regressor fitted to the past company's TRUE effects — information no campaign
		// yields — bounds what any learner of these features can rank.
		Frame features = pastFeatures;
		double[] truth = eligible.stream().mapToDouble((id) -> past.truth(id).reduction(ACTION)).toArray();
		int[] anyLabel = new int[truth.length];
		FeaturePipeline.Fitted fitted = FeaturePipeline.fit(features, anyLabel, PipelineOptions.forTrees(1));
		TreeEnsemble ceiling = GradientBoosting.regress(fitted.training(), truth,
				UpliftTrainer.defaultParameters(1).withRounds(300));
		double[] estimate = ceiling.margins(fitted.pipeline().transform(nextFeatures));
		List<TargetingCandidate> candidates = new ArrayList<>();
		for (int i = 0; i < nextIds.size(); i++) {
			double risk = next.truth(nextIds.get(i)).churnProbability90();
			candidates.add(TargetingCandidate.ofReduction(nextIds.get(i), risk, VALUE, Map.of(DISCOUNT, estimate[i])));
		}
		double bound = saved(new UpliftTargeting(Map.of(DISCOUNT, COST)).choose(candidates, budget));
		double oracle = saved(new OracleTargeting(Map.of(DISCOUNT, COST)).choose(truthCandidates(), budget));
		FIGURES.put("featureCeiling.saved", bound);
		FIGURES.put("featureCeiling.versusOracle", bound / oracle);
		double risk = saved(new RiskTargeting(DISCOUNT, COST)
			.choose(estimatedCandidates(models.get(UpliftLearner.TWO_MODEL)), budget));
		FIGURES.put("featureCeiling.versusRisk", bound / risk);
		assertThat(bound / oracle).as("the ceiling's share of the oracle").isLessThan(0.8);
		assertThat(bound / risk).as("the ceiling against risk targeting").isLessThan(1.3);
	}

	@AfterAll
	static void writeTheFigures() throws IOException {
		Path out = Path.of("target", "uplift-campaign-figures.txt");
		Files.createDirectories(out.getParent());
		StringBuilder text = new StringBuilder();
		FIGURES.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
		Files.writeString(out, text);
	}

	private static List<TargetingCandidate> truthCandidates() {
		List<TargetingCandidate> truth = new ArrayList<>();
		for (int i = 0; i < nextIds.size(); i++) {
			truth.add(TargetingCandidate.ofReduction(nextIds.get(i), next.truth(nextIds.get(i)).churnProbability90(),
					VALUE, Map.of(DISCOUNT, nextTrueReduction[i])));
		}
		return truth;
	}

	private static List<TargetingCandidate> estimatedCandidates(UpliftModel model) {
		double[] uplift = model.uplift(nextFeatures);
		double[] risk = model.churnWithoutAction(nextFeatures);
		List<TargetingCandidate> candidates = new ArrayList<>();
		for (int i = 0; i < nextIds.size(); i++) {
			candidates.add(TargetingCandidate.ofReduction(nextIds.get(i), risk[i], VALUE, Map.of(DISCOUNT, uplift[i])));
		}
		return candidates;
	}

	/**
	 * The customers a plan keeps, by the truth: the sum of its contacts' true effects.
	 */
	private static double saved(TargetingPlan plan) {
		return plan.contacts().stream().mapToDouble((c) -> next.truth(c.customerId()).reduction(ACTION)).sum();
	}

	private static double share(List<String> ids, UpliftSegment segment) {
		return ids.isEmpty() ? 0
				: (double) ids.stream().filter((id) -> next.truth(id).segment() == segment).count() / ids.size();
	}

	private static List<String> categories(Frame frame, String column) {
		List<String> values = new ArrayList<>();
		for (int r = 0; r < frame.rowCount(); r++) {
			values.add(frame.column(column).text(r));
		}
		return values;
	}

	private static double correlation(double[] x, double[] y) {
		double mx = 0;
		double my = 0;
		for (int i = 0; i < x.length; i++) {
			mx += x[i] / x.length;
			my += y[i] / y.length;
		}
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return sxy / Math.sqrt(sxx * syy);
	}

}
