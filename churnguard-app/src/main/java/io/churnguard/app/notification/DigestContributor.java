package io.churnguard.app.notification;

import java.time.LocalDate;
import java.util.List;

import io.churnguard.app.security.Actor;

/**
 * Contributes a section to each user's daily digest, e.g. the warnings module's "your
 * open warnings by level, and the overdue ones". Implement it as a bean; a user for whom
 * every contributor returns nothing gets no digest.
 */
public interface DigestContributor {

	/** The section's heading, e.g. 我的预警 / My warnings. */
	Text heading();

	/**
	 * The lines for one user, in display order.
	 * @param user who the digest is for
	 * @param day the business day of the digest
	 * @return the lines, or an empty list when there is nothing to report
	 */
	List<DigestLine> linesFor(Actor user, LocalDate day);

	/**
	 * One line of a digest section.
	 *
	 * @param text the line in both languages
	 * @param level the level it is about (shown as a label before the text), or null
	 */
	record DigestLine(Text text, NotificationLevel level) {

		public DigestLine {
			java.util.Objects.requireNonNull(text, "text");
		}

		public static DigestLine of(String zh, String en) {
			return new DigestLine(Text.of(zh, en), null);
		}

	}

}
