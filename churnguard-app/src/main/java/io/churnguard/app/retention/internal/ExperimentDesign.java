package io.churnguard.app.retention.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.experiment.PowerCalculation;
import io.churnguard.ml.experiment.RandomizedAssignment;
import io.churnguard.ml.experiment.Unit;

/**
 * A campaign's experiment: the control group sized by the power calculation and drawn
 * stratified by risk band × grade (both from {@code churnguard-ml}), and, for customers
 * enrolled one at a time by a trigger, a reproducible coin with the control share as its
 * bias.
 */
final class ExperimentDesign {

	private final double alpha;

	private final double power;

	ExperimentDesign(double alpha, double power) {
		this.alpha = alpha;
		this.power = power;
	}

	int controlSize(Campaign campaign, int listSize) {
		return PowerCalculation.controlSize(listSize, campaign.baselineRetention(), campaign.expectedUplift(),
				this.alpha, this.power, campaign.minControlShare());
	}

	/** Customer id → true when held out. */
	Map<String, Boolean> assign(List<Candidate> units, int controlSize, long seed) {
		return RandomizedAssignment.assign(units.stream().map(c -> new Unit(c.customerId(), c.stratum())).toList(),
				controlSize, seed);
	}

	/**
	 * Whether a customer enrolled alone is held out: a hash of the campaign's seed and
	 * the customer's id, read as a number in [0, 1), below the control share. The same
	 * customer always lands in the same group of the same campaign.
	 */
	static boolean heldOut(long seed, String customerId, double controlShare) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((seed + ":" + customerId).getBytes(StandardCharsets.UTF_8));
			double u = (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
			return u < controlShare;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
