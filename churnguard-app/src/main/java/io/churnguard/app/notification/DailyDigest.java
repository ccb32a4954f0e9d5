package io.churnguard.app.notification;

import java.time.LocalDate;

/**
 * The daily digest: each user with something from a {@link DigestContributor} gets one
 * inbox entry and one email. A scheduler in the server sends it at
 * {@code churnguard.notifications.digest.cron} (08:30 business time by default).
 */
public interface DailyDigest {

	/**
	 * Sends the digest of a day now; a user who already has that day's digest gets no
	 * second one.
	 * @param day the business day
	 * @return how many users were sent a digest
	 */
	int send(LocalDate day);

}
