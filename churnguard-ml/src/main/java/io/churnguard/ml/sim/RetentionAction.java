package io.churnguard.ml.sim;

import java.util.Locale;

/**
 * A retention action the simulator knows how customers respond to. Each acts on the churn
 * hazard from the day it reaches the customer, at full strength for a while and then
 * fading out.
 */
public enum RetentionAction {

	/** A care call by the owner (客户关怀回访): full effect 30 days, fading over 30 more. */
	CALLBACK(30, 30),

	/** A 20 % discount on the next three bills (资费优惠): full effect for 90 days. */
	DISCOUNT(90, 0),

	/** An offer of a better plan (套餐升级推荐): full effect 60 days, fading over 30. */
	UPGRADE_OFFER(60, 30),

	/** Loyalty points credited (积分赠送): full effect 45 days, fading over 45. */
	LOYALTY_POINTS(45, 45);

	/** The fade-out proceeds in steps of this many days. */
	static final int FADE_STEP_DAYS = 10;

	private final int fullDays;

	private final int fadeDays;

	RetentionAction(int fullDays, int fadeDays) {
		this.fullDays = fullDays;
		this.fadeDays = fadeDays;
	}

	/** The code used in files, e.g. {@code upgrade_offer}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a code such as {@code callback}, ignoring case and surrounding blanks.
	 * @param code the code
	 * @return the action
	 * @throws IllegalArgumentException naming the code when it is not an action
	 */
	public static RetentionAction fromCode(String code) {
		if (code != null) {
			for (RetentionAction action : values()) {
				if (action.code().equals(code.strip().toLowerCase(Locale.ROOT).replace('-', '_'))) {
					return action;
				}
			}
		}
		throw new IllegalArgumentException(
				"unknown action '" + code + "' (callback, discount, upgrade_offer, loyalty_points)");
	}

	/**
	 * The strength of the effect {@code daysSince} days after the action, between 0 and
	 * 1: full for {@link #fullDays()} days, then falling in ten-day steps to nothing.
	 */
	double strength(int daysSince) {
		if (daysSince < 0) {
			return 0;
		}
		if (daysSince < this.fullDays) {
			return 1;
		}
		int steps = this.fadeDays / FADE_STEP_DAYS;
		int step = (daysSince - this.fullDays) / FADE_STEP_DAYS;
		return (step < steps) ? 1.0 - (step + 1.0) / (steps + 1.0) : 0;
	}

	/** The number of days after which the action has no effect left. */
	int durationDays() {
		return this.fullDays + this.fadeDays;
	}

	int fullDays() {
		return this.fullDays;
	}

}
