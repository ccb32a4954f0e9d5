package io.churnguard.ml.sim;

/**
 * Receives progress while a simulation runs, e.g. to print it on stderr. Called from the
 * thread that writes the files, after each chunk of customers.
 */
@FunctionalInterface
public interface SimulationProgress {

	/** Ignores progress. */
	SimulationProgress NONE = (done, total) -> {
	};

	/**
	 * @param customersDone customers simulated and written so far
	 * @param customers all customers of the run
	 */
	void customersDone(long customersDone, long customers);

}
