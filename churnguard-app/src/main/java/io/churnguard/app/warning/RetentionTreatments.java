package io.churnguard.app.warning;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Which warned customers a retention action went to, so the warning evaluation can tell a
 * customer saved by a campaign from a false alarm. Implemented by the retention module
 * (the warning module does not depend on it); without an implementation nobody counts as
 * treated.
 */
public interface RetentionTreatments {

	/**
	 * @param customerIds the customers
	 * @param since the earliest treatment of interest
	 * @return for each customer treated at or after {@code since} (a campaign's treatment
	 * group or its white list, not its control group), the first such time
	 */
	Map<String, Instant> firstTreatedSince(Collection<String> customerIds, Instant since);

}
