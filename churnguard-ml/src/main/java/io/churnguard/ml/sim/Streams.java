package io.churnguard.ml.sim;

/**
 * The kinds of random stream a customer has. Separate streams keep the parts of the
 * simulation independent: rendering events never shifts the hidden dynamics, and a
 * treatment's own events never shift anything else.
 */
final class Streams {

	static final int PROFILE = 1;

	static final int LATENT = 2;

	static final int RENDER = 3;

	static final int TREATMENT = 4;

	static final int CHURN = 5;

	static final int START = 6;

	/** Truth projections use {@code TRUTH + path}. */
	static final int TRUTH = 1000;

	/** Calibration customers live in a seed of their own. */
	static final long PILOT_SEED_SALT = 0x5EED_CA11_B8A7_E000L;

	private Streams() {
	}

}
