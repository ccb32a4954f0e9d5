package io.churnguard.ml.sim;

/**
 * Finds the hazard scale that gives the target monthly churn rate. A pilot population
 * drawn from a seed of its own is stepped through the whole horizon without treatments;
 * because the hidden dynamics do not depend on the scale, the expected churn of the pilot
 * is a smooth, increasing function of the scale, computed exactly from the recorded
 * hazards and solved by bisection. The result depends only on the preset, start date,
 * horizon, seed and target, never on the number of customers or threads.
 */
final class HazardCalibration {

	private static final double DAYS_PER_MONTH = 30.4375;

	private HazardCalibration() {
	}

	/** The number of pilot customers: as many as fit in a few million customer-weeks. */
	static int pilotSize(int weeks) {
		return Math.max(2_000, Math.min(20_000, 2_000_000 / Math.max(1, weeks)));
	}

	/**
	 * @param preset the preset
	 * @param calendar the calendar over the horizon to calibrate on
	 * @param seed the simulation seed
	 * @param joinWindowMonths the months over which new customers join
	 * @param target the monthly churn rate to meet
	 * @return the hazard scale
	 */
	static double calibrate(Preset preset, SimCalendar calendar, long seed, int joinWindowMonths, double target) {
		int horizon = calendar.horizonDays;
		int weeks = (horizon + 6) / 7;
		int pilots = pilotSize(weeks);
		long pilotSeed = Rng.mix(seed ^ Streams.PILOT_SEED_SALT);
		SimulationSetup setup = new SimulationSetup(preset, calendar, pilotSeed, pilots, joinWindowMonths, 0, 1,
				TreatmentBook.empty());
		float[] hazards = new float[pilots * weeks];
		byte[] days = new byte[pilots * weeks];
		CustomerProfile p = new CustomerProfile();
		LatentState state = new LatentState();
		Rng rng = new Rng();
		for (int i = 0; i < pilots; i++) {
			setup.factory.create(i, rng, p);
			rng.reseed(Rng.streamSeed(pilotSeed, i, Streams.START, 0));
			setup.model.start(p, state, rng);
			int first = Math.max(0, p.joinDay);
			for (int week = first / 7; week < weeks; week++) {
				rng.reseed(Rng.streamSeed(pilotSeed, i, Streams.LATENT, week));
				setup.model.step(p, state, week, rng);
				int from = Math.max(week * 7, first);
				int to = Math.min(week * 7 + 7, horizon);
				hazards[i * weeks + week] = (float) state.dailyHazard;
				days[i * weeks + week] = (byte) (to - from);
			}
		}
		// The rate is close to a power of the scale: a secant on the logs converges in a
		// few
		// steps.
		double logTarget = StrictMath.log(target);
		double x0 = StrictMath.log(1e-4);
		double f0 = StrictMath.log(monthlyRate(DeterministicMath.exp(x0), hazards, days, pilots, weeks)) - logTarget;
		double x1 = x0 - f0;
		for (int iteration = 0; iteration < 30; iteration++) {
			double f1 = StrictMath.log(monthlyRate(DeterministicMath.exp(x1), hazards, days, pilots, weeks))
					- logTarget;
			if (Math.abs(f1) < 1e-9 || f1 == f0) {
				break;
			}
			double x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
			x0 = x1;
			f0 = f1;
			x1 = Math.max(x0 - 5, Math.min(x0 + 5, x2));
		}
		return DeterministicMath.exp(x1);
	}

	/** The expected monthly churn rate of the pilot at a scale: churners per exposure. */
	static double monthlyRate(double scale, float[] hazards, byte[] days, int pilots, int weeks) {
		double churners = 0;
		double exposureDays = 0;
		for (int i = 0; i < pilots; i++) {
			double survival = 1;
			for (int w = 0; w < weeks; w++) {
				int n = days[i * weeks + w];
				if (n == 0) {
					continue;
				}
				double dailyHazard = scale * hazards[i * weeks + w];
				double weekHazard = dailyHazard * n;
				double end = survival * DeterministicMath.exp(-weekHazard);
				// Survival falls exponentially within the week: integrate it.
				exposureDays += (weekHazard > 1e-9) ? (survival - end) / dailyHazard : survival * n;
				survival = end;
			}
			churners += 1 - survival;
		}
		return churners / (exposureDays / DAYS_PER_MONTH);
	}

}
