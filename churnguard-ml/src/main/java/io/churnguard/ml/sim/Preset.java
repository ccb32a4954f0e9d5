package io.churnguard.ml.sim;

import java.util.Locale;

/**
 * The kind of company the simulator imitates. Each preset has its own products and fees,
 * event mix, churn event and default monthly churn rate; the behavioural model underneath
 * is the same.
 */
public enum Preset {

	/**
	 * A mobile operator: plans with and without contracts, weekly call and data usage,
	 * monthly bills; customers leave by port-out (携号转网) or closure.
	 */
	TELECOM(0.02),

	/**
	 * A retail bank: debit and credit cards and wealth products (whose maturity plays the
	 * part of a contract end), transactions, card statements; customers close accounts.
	 */
	BANK(0.01),

	/**
	 * A subscription e-commerce platform: memberships without contracts, orders and
	 * digital behaviour; a customer's churn is their last activity.
	 */
	SUBSCRIPTION(0.05);

	private final double defaultMonthlyChurnRate;

	Preset(double defaultMonthlyChurnRate) {
		this.defaultMonthlyChurnRate = defaultMonthlyChurnRate;
	}

	/** The monthly churn rate a simulation aims at unless told otherwise. */
	public double defaultMonthlyChurnRate() {
		return this.defaultMonthlyChurnRate;
	}

	/**
	 * The lower-case code used on the command line and in files, e.g. {@code telecom}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a code such as {@code telecom}, ignoring case and surrounding blanks.
	 * @param code the code
	 * @return the preset
	 * @throws IllegalArgumentException naming the code and the known presets
	 */
	public static Preset fromCode(String code) {
		if (code != null) {
			for (Preset preset : values()) {
				if (preset.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
					return preset;
				}
			}
		}
		throw new IllegalArgumentException("unknown preset '" + code + "' (telecom, bank, subscription)");
	}

}
