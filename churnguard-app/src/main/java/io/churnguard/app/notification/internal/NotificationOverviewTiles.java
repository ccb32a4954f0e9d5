package io.churnguard.app.notification.internal;

import java.util.Locale;
import java.util.Set;

import io.churnguard.app.security.Actor;
import io.churnguard.app.web.OverviewTile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the overview: every user's unread notifications, and for administrators the dead
 * letters, which need someone to look.
 */
@Configuration(proxyBeanMethods = false)
class NotificationOverviewTiles {

	@Bean
	OverviewTile unreadNotificationsTile(Inbox inbox) {
		return new OverviewTile() {

			@Override
			public int order() {
				return 5;
			}

			@Override
			public Set<String> roles() {
				return Set.of();
			}

			@Override
			public Content content(Locale locale) {
				long unread = inbox.unread(Actor.require().username());
				return new Content("overview.unreadNotifications", Long.toString(unread),
						"overview.unreadNotifications.note", (unread > 0) ? "warn" : "ok", "/inbox?unread=true");
			}

		};
	}

	@Bean
	OverviewTile deadLettersTile(Outbox outbox) {
		return new OverviewTile() {

			@Override
			public int order() {
				return 910;
			}

			@Override
			public Set<String> roles() {
				return Set.of("ADMIN");
			}

			@Override
			public Content content(Locale locale) {
				long dead = outbox.count("dead");
				return new Content("overview.deadLetters", Long.toString(dead), "overview.deadLetters.note",
						(dead > 0) ? "bad" : "ok", "/notifications/deliveries");
			}

		};
	}

}
