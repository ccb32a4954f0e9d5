package io.churnguard.app.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** An inbox entry in the reader's language, for the page and the API. */
record InboxEntry(long id, String kind, String level, String levelLabel, String title, String body, String link,
		List<MessageContent.Field> facts, Instant createdAt, Instant readAt) {

	static InboxEntry of(StoredNotification notification, Locale locale, MessageContents contents) {
		return new InboxEntry(notification.id(), notification.kind(), notification.level().name(),
				contents.message(notification.level().messageKey(), locale), notification.title().in(locale),
				notification.body().in(locale), notification.link(),
				notification.facts()
					.stream()
					.map(fact -> new MessageContent.Field(fact.label().in(locale), fact.value().in(locale)))
					.toList(),
				notification.createdAt(), notification.readAt());
	}

	public boolean isRead() {
		return this.readAt != null;
	}

}
