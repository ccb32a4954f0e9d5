package io.churnguard.ml.sim;

import java.util.Arrays;

/**
 * The retention actions one customer receives, in day order, and what they do to the
 * customer's hazard on a given day.
 */
final class CustomerTreatments {

	/** Bounds of the summed log-multiplier: no action stack makes churn impossible. */
	static final double MIN_LOG_MULTIPLIER = -3;

	static final double MAX_LOG_MULTIPLIER = 2;

	private int size;

	private int[] days = new int[8];

	private RetentionAction[] actions = new RetentionAction[8];

	private int lastEffectDay = Integer.MIN_VALUE;

	void clear() {
		this.size = 0;
		this.lastEffectDay = Integer.MIN_VALUE;
	}

	void add(int day, RetentionAction action) {
		if (this.size == this.days.length) {
			this.days = Arrays.copyOf(this.days, this.size * 2);
			this.actions = Arrays.copyOf(this.actions, this.size * 2);
		}
		this.days[this.size] = day;
		this.actions[this.size] = action;
		this.size++;
		this.lastEffectDay = Math.max(this.lastEffectDay, day + action.durationDays());
	}

	/** Forgets actions dated before the customer joined: they never reached anyone. */
	void dropBefore(int day) {
		int kept = 0;
		int lastEffect = Integer.MIN_VALUE;
		for (int i = 0; i < this.size; i++) {
			if (this.days[i] >= day) {
				this.days[kept] = this.days[i];
				this.actions[kept] = this.actions[i];
				lastEffect = Math.max(lastEffect, this.days[i] + this.actions[i].durationDays());
				kept++;
			}
		}
		this.size = kept;
		this.lastEffectDay = lastEffect;
	}

	int size() {
		return this.size;
	}

	int day(int i) {
		return this.days[i];
	}

	RetentionAction action(int i) {
		return this.actions[i];
	}

	/** Whether any action still acts on this day (a fast path for the untreated). */
	boolean activeOn(int day) {
		return this.size > 0 && day < this.lastEffectDay && day >= this.days[0];
	}

	/** The summed log hazard multiplier of all actions on this day, within bounds. */
	double logMultiplier(CustomerProfile p, int day) {
		return bounded(rawLogMultiplier(p, day));
	}

	static double bounded(double logMultiplier) {
		return Math.max(MIN_LOG_MULTIPLIER, Math.min(MAX_LOG_MULTIPLIER, logMultiplier));
	}

	/** The summed log hazard multiplier of all actions on this day. */
	double rawLogMultiplier(CustomerProfile p, int day) {
		double sum = 0;
		for (int i = 0; i < this.size; i++) {
			RetentionAction action = this.actions[i];
			double strength = action.strength(day - this.days[i]);
			if (strength > 0) {
				sum += p.response[action.ordinal()] * strength;
			}
		}
		return sum;
	}

	/** Whether a discount runs on this day. */
	boolean discountOn(int day) {
		for (int i = 0; i < this.size; i++) {
			if (this.actions[i] == RetentionAction.DISCOUNT && day >= this.days[i]
					&& day - this.days[i] < RetentionAction.DISCOUNT.fullDays()) {
				return true;
			}
		}
		return false;
	}

}
