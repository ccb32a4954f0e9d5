package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer on a target list, with what routing, playbook matching and stratification
 * need.
 *
 * @param customerId the customer
 * @param grade value grade, or null
 * @param province province
 * @param team team
 * @param plan plan
 * @param owner the customer's own agent
 * @param monthlyFee monthly fee, or null
 * @param riskBand latest risk band, or null when never scored
 * @param reason the strongest reason of the latest score (its feature), or null
 */
record Candidate(String customerId, String grade, String province, String team, String plan, String owner,
		BigDecimal monthlyFee, String riskBand, String reason) {

	/** Stratum of the randomization: risk band × grade. */
	String stratum() {
		return ((this.riskBand != null) ? this.riskBand : "unscored") + "|" + ((this.grade != null) ? this.grade : "-");
	}

	/** The values a playbook's segment may name. */
	List<String> segments() {
		List<String> segments = new ArrayList<>();
		for (String value : new String[] { this.plan, this.province, this.team }) {
			if (value != null) {
				segments.add(value);
			}
		}
		return segments;
	}

	BigDecimal annualValue() {
		return (this.monthlyFee != null) ? this.monthlyFee.multiply(BigDecimal.valueOf(12)) : null;
	}

}
