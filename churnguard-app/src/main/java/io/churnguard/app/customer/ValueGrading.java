package io.churnguard.app.customer;

/** Re-grading the archive on demand, for other modules (the demo workspace, jobs). */
public interface ValueGrading {

	/**
	 * Re-grades every active customer now.
	 * @param user who asks, for the run record and the audit log
	 * @return the run's id; its report is at {@code /api/v1/grading/runs/{id}/report}
	 */
	long regrade(String user);

}
