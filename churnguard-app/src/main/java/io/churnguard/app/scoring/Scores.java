package io.churnguard.app.scoring;

import java.util.List;
import java.util.Optional;

/** Reading scores. Callers check the customer's scope first. */
public interface Scores {

	Optional<CustomerScore> latest(String customerId);

	/** Scores of past runs, newest first. */
	List<CustomerScore> history(String customerId, int limit);

}
