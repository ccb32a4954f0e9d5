package io.churnguard.app.notification.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Resolves a stored notification into one language for a channel. */
@Component
class MessageContents {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final NotificationProperties properties;

	private final ZoneId zone;

	MessageContents(MessageSource messages, NotificationProperties properties,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.messages = messages;
		this.properties = properties;
		this.zone = ZoneId.of(zone);
	}

	MessageContent of(StoredNotification notification, Locale locale) {
		String link = notification.link();
		if (link != null && !this.properties.baseUrl().isEmpty()) {
			link = this.properties.baseUrl() + link;
		}
		return new MessageContent(notification.id(), notification.kind(), notification.level(),
				message(notification.level().messageKey(), locale), notification.title().in(locale),
				notification.body().in(locale),
				notification.facts()
					.stream()
					.map(fact -> new MessageContent.Field(fact.label().in(locale), fact.value().in(locale)))
					.toList(),
				link, message("notification.open", locale),
				message("notification.footer", locale) + " · "
						+ TIME.format(notification.createdAt().atZone(this.zone)),
				Locales.tag(locale), notification.recipient(), notification.region(), notification.key(),
				notification.createdAt().toString());
	}

	String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
