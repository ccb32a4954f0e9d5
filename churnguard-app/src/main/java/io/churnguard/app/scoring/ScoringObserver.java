package io.churnguard.app.scoring;

/**
 * Told about fresh scores, in the scorer's transaction: the warnings module raises
 * warnings from them. An observer's failure fails the run, so no scores exist without
 * their warnings.
 */
public interface ScoringObserver {

	void scored(ScoredCustomers customers);

}
