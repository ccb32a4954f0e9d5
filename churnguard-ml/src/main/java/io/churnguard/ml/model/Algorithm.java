package io.churnguard.ml.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The learning algorithms a training request can ask for. */
public enum Algorithm {

	/** Pick the best of the others by cross-validated AUC. */
	AUTO,
	/** Logistic regression. */
	LR,
	/** Gradient boosted trees (XGBoost). */
	GBDT,
	/**
	 * The average, on the log-odds scale, of gradient boosting and a logistic regression
	 * with restricted cubic splines of numeric columns.
	 */
	BLEND;

	/** The lower-case name used on the command line and in JSON. */
	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a name, case-insensitively.
	 * @param text e.g. {@code auto}, {@code lr}, {@code gbdt}
	 * @return the algorithm
	 */
	@JsonCreator
	public static Algorithm parse(String text) {
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown algorithm '" + text + "'; use auto, lr, gbdt or blend", ex);
		}
	}

}
