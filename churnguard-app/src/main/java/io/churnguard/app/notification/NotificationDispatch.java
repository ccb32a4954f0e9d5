package io.churnguard.app.notification;

/**
 * Delivering the outbox. A scheduler in the server runs a pass every
 * {@code churnguard.notifications.dispatch-interval}; tests and operators may run one
 * now.
 */
public interface NotificationDispatch {

	/**
	 * Delivers every outbox row that is due by the application clock, and waits for the
	 * attempts to finish.
	 * @return what happened
	 */
	Pass dispatchDue();

	/**
	 * The outcome of one pass.
	 *
	 * @param attempted deliveries tried
	 * @param delivered of which succeeded
	 * @param retrying of which failed and will be tried again
	 * @param dead of which failed for the last time and moved to the dead letters
	 */
	record Pass(int attempted, int delivered, int retrying, int dead) {
	}

}
