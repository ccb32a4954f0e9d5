package io.churnguard.ml.uplift;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.gbdt.GbdtParameters;

/**
 * Trains uplift models from past campaigns: one model for a single action, or one per
 * action against the control group the actions shared.
 */
public final class UpliftTrainer {

	private final UpliftLearner learner;

	private final GbdtParameters parameters;

	/**
	 * Creates a trainer.
	 * @param learner which learner to fit
	 * @param parameters the boosting parameters of its models
	 */
	public UpliftTrainer(UpliftLearner learner, GbdtParameters parameters) {
		this.learner = Objects.requireNonNull(learner, "learner");
		this.parameters = Objects.requireNonNull(parameters, "parameters");
	}

	/**
	 * Small boosters: an effect is a weak signal next to the risk, and shallow trees with
	 * strong leaves (at least 20 units of hessian) keep the models from fitting the
	 * noise; 150 rounds at 0.05 train in seconds.
	 * @param seed the seed
	 * @return the parameters
	 */
	public static GbdtParameters defaultParameters(long seed) {
		return new GbdtParameters(3, 0.05, 150, 20, 0.8, 0.8, 1, 0, 0, 0, 0, seed, 1);
	}

	/**
	 * Trains the model of one action.
	 * @param sample the campaign's treated and control customers
	 * @return the model
	 */
	public UpliftModel train(UpliftSample sample) {
		return switch (this.learner) {
			case TWO_MODEL -> TwoModelUplift.fit(sample, this.parameters);
			case X_LEARNER -> XLearnerUplift.fit(sample, this.parameters);
		};
	}

	/**
	 * Trains one model per action, each on the customers given that action and the shared
	 * control group.
	 * @param features the features of every customer of the campaign
	 * @param actions each customer's action, null for the control group
	 * @param churned 1 when the customer churned within the horizon, else 0
	 * @return the model of each action, by action in natural order
	 */
	public Map<String, UpliftModel> trainPerAction(Frame features, String[] actions, int[] churned) {
		if (actions.length != features.rowCount()) {
			throw new IllegalArgumentException("actions must have one entry per row of the features");
		}
		Map<String, UpliftModel> models = new TreeMap<>();
		for (String action : new java.util.TreeSet<>(
				java.util.Arrays.stream(actions).filter(Objects::nonNull).toList())) {
			int[] rows = IntStream.range(0, actions.length)
				.filter((i) -> actions[i] == null || actions[i].equals(action))
				.toArray();
			boolean[] treated = new boolean[rows.length];
			int[] outcome = new int[rows.length];
			for (int i = 0; i < rows.length; i++) {
				treated[i] = actions[rows[i]] != null;
				outcome[i] = churned[rows[i]];
			}
			models.put(action, train(new UpliftSample(features.rows(rows), treated, outcome)));
		}
		return models;
	}

}
