package io.churnguard.app.notification;

/**
 * Tells users about things. Other modules (warnings first) call it when something
 * happens; delivery is asynchronous and durable.
 */
public interface Notifier {

	/**
	 * Writes the recipient's inbox entry and one outbox row per further channel (their
	 * email address; each subscribed webhook) in the caller's transaction, so a rollback
	 * takes the notification back and a crash loses nothing. A dispatcher delivers the
	 * outbox later, retrying with back-off. Email is skipped when no mail server is
	 * configured or the recipient has no address.
	 * @param notification what to tell whom
	 * @return the id of the inbox entry; the existing one when this recipient was already
	 * notified under the notification's key
	 * @throws IllegalArgumentException when the recipient is not a user
	 */
	long notify(Notification notification);

}
