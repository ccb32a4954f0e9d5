package io.churnguard.app.retention.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.experiment.RandomizedAssignment;
import io.churnguard.ml.experiment.Unit;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.uplift.Qini;
import io.churnguard.ml.uplift.UpliftLearner;
import io.churnguard.ml.uplift.UpliftModel;
import io.churnguard.ml.uplift.UpliftTrainer;

/**
 * Learning uplift from past campaigns' members: a randomized part is held out, stratified
 * by action and group so it stays an experiment of its own; one model per action is
 * trained on the rest against the shared control group ({@link UpliftTrainer}); each is
 * measured by Qini and AUUC on the held-out members ({@link Qini}). The stored model is
 * the one measured. No Spring and no database here.
 */
final class UpliftLearning {

	/** Fewer treated or control members than this in training leave an action out. */
	static final int MIN_TRAINING_GROUP = 30;

	/** Fewer than this of either group held out make a Qini curve meaningless. */
	static final int MIN_HOLDOUT_GROUP = 10;

	private UpliftLearning() {
	}

	/**
	 * @param members the members, in the order of the features' rows
	 * @param features their features as of each campaign's start, without the id column
	 * @param learner the learner
	 * @param parameters the boosting parameters
	 * @param holdoutShare the share held out
	 * @param seed the seed of the split
	 * @return the models that could be trained and their evaluation
	 */
	static Result learn(List<Member> members, Frame features, UpliftLearner learner, GbdtParameters parameters,
			double holdoutShare, long seed) {
		if (members.size() != features.rowCount()) {
			throw new IllegalArgumentException("one feature row per member");
		}
		boolean[] heldOut = split(members, holdoutShare, seed);
		int[] train = IntStream.range(0, members.size()).filter(i -> !heldOut[i]).toArray();
		int[] holdout = IntStream.range(0, members.size()).filter(i -> heldOut[i]).toArray();

		List<String> skipped = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		for (String action : new TreeSet<>(members.stream().map(Member::action).filter(Objects::nonNull).toList())) {
			long treated = count(members, train, action);
			long control = count(members, train, null);
			long holdoutTreated = count(members, holdout, action);
			long holdoutControl = count(members, holdout, null);
			if (treated < MIN_TRAINING_GROUP || control < MIN_TRAINING_GROUP || holdoutTreated < MIN_HOLDOUT_GROUP
					|| holdoutControl < MIN_HOLDOUT_GROUP) {
				skipped.add(action + ": " + treated + " treated and " + control + " control members to learn from, "
						+ holdoutTreated + " and " + holdoutControl + " held out — too few");
			}
			else {
				actions.add(action);
			}
		}
		if (actions.isEmpty()) {
			throw new IllegalArgumentException("too few campaign members to learn uplift from: " + skipped
					+ " (at least " + MIN_TRAINING_GROUP + " treated and control members per action)");
		}
		// Only the actions kept: their treated members and the whole control group.
		int[] rows = IntStream.of(train)
			.filter(i -> members.get(i).action() == null || actions.contains(members.get(i).action()))
			.toArray();
		String[] trainActions = new String[rows.length];
		int[] trainChurned = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			trainActions[i] = members.get(rows[i]).action();
			trainChurned[i] = members.get(rows[i]).churned() ? 1 : 0;
		}
		Map<String, UpliftModel> models = new UpliftTrainer(learner, parameters).trainPerAction(features.rows(rows),
				trainActions, trainChurned);

		List<ActionEvaluation> evaluations = new ArrayList<>();
		for (String action : actions) {
			int[] evaluated = IntStream.of(holdout)
				.filter(i -> members.get(i).action() == null || action.equals(members.get(i).action()))
				.toArray();
			boolean[] treated = new boolean[evaluated.length];
			int[] churned = new int[evaluated.length];
			for (int i = 0; i < evaluated.length; i++) {
				treated[i] = members.get(evaluated[i]).action() != null;
				churned[i] = members.get(evaluated[i]).churned() ? 1 : 0;
			}
			Qini qini = Qini.of(models.get(action).uplift(features.rows(evaluated)), treated, churned);
			evaluations.add(new ActionEvaluation(action, (int) count(members, train, action),
					(int) count(members, train, null), (int) count(members, holdout, action),
					(int) count(members, holdout, null), qini.qiniCoefficient(), qini.auuc(), qini.randomAuuc(),
					qini.averageUplift(), Curve.of(qini)));
		}
		return new Result(models, evaluations, skipped, rows.length, holdout.length);
	}

	/**
	 * The held-out members: a stratified random share of each action's treated members
	 * and of the control group, reproducible from the seed (the experiment module's
	 * assignment, whose "control" here means "held out").
	 */
	static boolean[] split(List<Member> members, double share, long seed) {
		List<Unit> units = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			Member m = members.get(i);
			units.add(new Unit(i + ":" + m.campaignId() + ":" + m.customerId(),
					(m.action() != null) ? "treated|" + m.action() : "control"));
		}
		Map<String, Boolean> held = RandomizedAssignment.assign(units, (int) Math.round(share * members.size()), seed);
		boolean[] heldOut = new boolean[members.size()];
		for (int i = 0; i < heldOut.length; i++) {
			heldOut[i] = held.get(units.get(i).id());
		}
		return heldOut;
	}

	private static long count(List<Member> members, int[] rows, String action) {
		return IntStream.of(rows).filter(i -> Objects.equals(members.get(i).action(), action)).count();
	}

	/**
	 * A campaign member as a learner sees it.
	 *
	 * @param campaignId the campaign
	 * @param customerId the customer
	 * @param action the action the member was treated with, null for the control group
	 * @param churned whether they churned within the campaign's observation window
	 */
	record Member(long campaignId, String customerId, String action, boolean churned) {
	}

	/**
	 * @param models the model of each action learned
	 * @param evaluations each action's Qini and AUUC on the held-out members
	 * @param skipped actions left out for too few members, with the counts
	 * @param trainingRows members trained on
	 * @param holdoutRows members held out
	 */
	record Result(Map<String, UpliftModel> models, List<ActionEvaluation> evaluations, List<String> skipped,
			int trainingRows, int holdoutRows) {

		/** The action measured on the most treated members: the model's headline. */
		ActionEvaluation headline() {
			return this.evaluations.stream()
				.max(java.util.Comparator.comparingInt(ActionEvaluation::holdoutTreated))
				.orElseThrow();
		}

	}

	/**
	 * One action's model measured on the held-out members.
	 *
	 * @param action the action
	 * @param treated treated members trained on
	 * @param control control members trained on
	 * @param holdoutTreated treated members held out
	 * @param holdoutControl control members held out
	 * @param qiniCoefficient the area between the Qini curve and random targeting
	 * @param auuc the area under the uplift curve
	 * @param randomAuuc the AUUC of random targeting, to read the AUUC against
	 * @param averageUplift the held-out churn rate of control minus treated
	 * @param curve the curves, 0–100 % targeted
	 */
	record ActionEvaluation(String action, int treated, int control, int holdoutTreated, int holdoutControl,
			double qiniCoefficient, double auuc, double randomAuuc, double averageUplift, Curve curve) {
	}

	/**
	 * The Qini and uplift curves as series for a chart.
	 *
	 * @param share the share targeted
	 * @param qini the Qini curve
	 * @param uplift the uplift curve
	 */
	record Curve(List<Double> share, List<Double> qini, List<Double> uplift) {

		static Curve of(Qini qini) {
			List<Double> share = new ArrayList<>();
			List<Double> q = new ArrayList<>();
			List<Double> u = new ArrayList<>();
			for (Qini.Point point : qini.points()) {
				share.add(round(point.share()));
				q.add(round(point.qini()));
				u.add(round(point.uplift()));
			}
			return new Curve(share, q, u);
		}

		private static double round(double value) {
			return Math.round(value * 1e6) / 1e6;
		}

	}

}
