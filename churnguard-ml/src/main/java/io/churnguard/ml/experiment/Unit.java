package io.churnguard.ml.experiment;

import java.util.Objects;

/**
 * One unit of randomisation, usually a customer, with the stratum it is randomised within
 * (for example risk band and value grade joined as {@code "high|A"}).
 *
 * @param id the unit's identifier, unique within an assignment
 * @param stratum the stratum key
 */
public record Unit(String id, String stratum) {

	/**
	 * Checks the fields.
	 * @param id the unit's identifier
	 * @param stratum the stratum key
	 */
	public Unit {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(stratum, "stratum");
	}

}
