package io.churnguard.ml.sim;

/**
 * The ground truth about a customer's next 90 days at the end of a simulation: the
 * probability of churning without any new action, and the change each action would make
 * if it reached the customer the day after the simulation ends.
 * <p>
 * Both are expectations over the customer's possible futures, estimated from
 * {@value #PATHS} projected paths of the hidden state drawn from streams of their own;
 * all actions are compared on the same paths, so the differences are precise even where
 * the probabilities are not. The estimate reproduces exactly what the simulator would do
 * with the action on a continued run, averaged over futures.
 */
final class TruthProjection {

	static final int PATHS = 8;

	private static final RetentionAction[] ACTION_VALUES = RetentionAction.values();

	private static final int ACTIONS = ACTION_VALUES.length;

	private static final int WEEKS = SimCalendar.PROJECTION_DAYS / 7 + 2;

	/** Per variant (none, then each action) and day, the bounded log-multiplier. */
	private final double[][] logMultipliers = new double[ACTIONS + 1][SimCalendar.PROJECTION_DAYS];

	/** The same, exponentiated: the multiplier of a customer fully responsive. */
	private final double[][] multipliers = new double[ACTIONS + 1][SimCalendar.PROJECTION_DAYS];

	/** Per variant and projected week, the sum of the days' multipliers. */
	private final double[][] weekSums = new double[ACTIONS + 1][WEEKS];

	private final double[] cumulative = new double[ACTIONS + 1];

	private final double[] probability = new double[ACTIONS + 1];

	private final LatentState path = new LatentState();

	/** The probability of churning within 90 days without a new action. */
	double baseline;

	/** Per action, the change in that probability the action would make. */
	final double[] effects = new double[ACTIONS];

	void project(CustomerProfile p, LatentState end, CustomerTreatments treatments, BehaviourModel model, double scale,
			long seed, int horizon, Rng rng) {
		prepareMultipliers(p, treatments, horizon);
		int firstWeek = horizon / 7;
		int lastDay = horizon + SimCalendar.PROJECTION_DAYS;
		int weeks = (lastDay - 1) / 7 - firstWeek + 1;
		java.util.Arrays.fill(this.probability, 0);
		for (int k = 0; k < PATHS; k++) {
			this.path.copyFrom(end);
			java.util.Arrays.fill(this.cumulative, 0);
			for (int r = 0; r < weeks; r++) {
				int week = firstWeek + r;
				if (week > this.path.week) {
					rng.reseed(Rng.streamSeed(seed, p.index, Streams.TRUTH + k, week));
					model.step(p, this.path, week, rng);
				}
				double hazard = scale * this.path.dailyHazard;
				double responsiveness = BehaviourModel.responsiveness(this.path);
				if (responsiveness == 1) {
					// The hazard is constant within the week: one product per variant.
					for (int v = 0; v <= ACTIONS; v++) {
						this.cumulative[v] += hazard * this.weekSums[v][r];
					}
				}
				else {
					int from = Math.max(horizon, week * 7) - horizon;
					int to = Math.min(lastDay, week * 7 + 7) - horizon;
					for (int d = from; d < to; d++) {
						for (int v = 0; v <= ACTIONS; v++) {
							this.cumulative[v] += hazard
									* DeterministicMath.exp(this.logMultipliers[v][d] * responsiveness);
						}
					}
				}
			}
			for (int v = 0; v <= ACTIONS; v++) {
				this.probability[v] += 1 - DeterministicMath.exp(-this.cumulative[v]);
			}
		}
		this.baseline = this.probability[0] / PATHS;
		for (int a = 0; a < ACTIONS; a++) {
			this.effects[a] = (this.probability[a + 1] - this.probability[0]) / PATHS;
		}
	}

	private void prepareMultipliers(CustomerProfile p, CustomerTreatments treatments, int horizon) {
		boolean treated = treatments.size() > 0;
		int firstWeek = horizon / 7;
		for (double[] sums : this.weekSums) {
			java.util.Arrays.fill(sums, 0);
		}
		for (int d = 0; d < SimCalendar.PROJECTION_DAYS; d++) {
			int r = (horizon + d) / 7 - firstWeek;
			double existing = treated ? treatments.rawLogMultiplier(p, horizon + d) : 0;
			this.logMultipliers[0][d] = CustomerTreatments.bounded(existing);
			this.multipliers[0][d] = treated ? DeterministicMath.exp(this.logMultipliers[0][d]) : 1;
			this.weekSums[0][r] += this.multipliers[0][d];
			for (RetentionAction action : ACTION_VALUES) {
				int v = action.ordinal() + 1;
				this.logMultipliers[v][d] = CustomerTreatments
					.bounded(existing + p.response[action.ordinal()] * action.strength(d));
				// Untreated customers' multipliers change only a few times: reuse them.
				boolean same = !treated && d > 0 && this.logMultipliers[v][d] == this.logMultipliers[v][d - 1];
				this.multipliers[v][d] = same ? this.multipliers[v][d - 1]
						: DeterministicMath.exp(this.logMultipliers[v][d]);
				this.weekSums[v][r] += this.multipliers[v][d];
			}
		}
	}

}
