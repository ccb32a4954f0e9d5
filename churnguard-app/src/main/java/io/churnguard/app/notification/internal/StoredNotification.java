package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.List;

import io.churnguard.app.notification.Notification;
import io.churnguard.app.notification.NotificationLevel;
import io.churnguard.app.notification.Text;

/** A notification as the inbox keeps it. */
record StoredNotification(long id, String recipient, String kind, NotificationLevel level, String key, Text title,
		Text body, String link, List<Notification.Fact> facts, String region, Instant createdAt, Instant readAt) {

	boolean isRead() {
		return this.readAt != null;
	}

}
