package io.churnguard.app.notification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.churnguard.app.notification.DailyDigest;
import io.churnguard.app.notification.DigestContributor;
import io.churnguard.app.notification.DigestContributor.DigestLine;
import io.churnguard.app.notification.Notification;
import io.churnguard.app.notification.NotificationLevel;
import io.churnguard.app.notification.Notifier;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each enabled user one digest a day with the sections contributed for them, as an
 * inbox entry and an email (never to group webhooks: it is personal). The day is the key,
 * so a second run on the same day — a restart, a manual run — sends nothing twice.
 */
@Component
class DailyDigestJob implements DailyDigest {

	static final String KIND = "digest.daily";

	private static final Logger log = LoggerFactory.getLogger(DailyDigestJob.class);

	private final List<DigestContributor> contributors;

	private final UserDirectory users;

	private final Notifier notifier;

	private final Inbox inbox;

	private final MessageContents messages;

	private final Clock clock;

	private final ZoneId zone;

	DailyDigestJob(List<DigestContributor> contributors, UserDirectory users, Notifier notifier, Inbox inbox,
			MessageContents messages, Clock clock, @Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.contributors = List.copyOf(contributors);
		this.users = users;
		this.notifier = notifier;
		this.inbox = inbox;
		this.messages = messages;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Scheduled(cron = "${churnguard.notifications.digest.cron:0 30 8 * * *}",
			zone = "${churnguard.time-zone:Asia/Shanghai}")
	void onSchedule() {
		int sent = send(LocalDate.ofInstant(this.clock.instant(), this.zone));
		if (sent > 0) {
			log.info("Daily digest sent to {} user(s)", sent);
		}
	}

	@Override
	public int send(LocalDate day) {
		if (this.contributors.isEmpty()) {
			return 0;
		}
		Map<String, Actor> everyone = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			this.users.withRole(role).forEach(user -> everyone.putIfAbsent(user.username(), user));
		}
		int sent = 0;
		for (Actor user : everyone.values()) {
			try {
				if (sendTo(user, day)) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("The daily digest for {} failed: {}", user.username(), ex.getMessage());
			}
		}
		return sent;
	}

	private boolean sendTo(Actor user, LocalDate day) {
		String key = "digest:" + day;
		if (this.inbox.has(user.username(), key)) {
			return false;
		}
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (DigestContributor contributor : this.contributors) {
			List<DigestLine> lines = new ArrayList<>(contributor.linesFor(user, day));
			if (lines.isEmpty()) {
				continue;
			}
			section(zh, contributor, lines, Locales.CHINESE);
			section(en, contributor, lines, Locale.ENGLISH);
		}
		if (zh.isEmpty()) {
			return false;
		}
		String date = day.toString();
		this.notifier.notify(Notification.to(user.username())
			.kind(KIND)
			.level(NotificationLevel.INFO)
			.title(this.messages.message("notification.digest.title", Locales.CHINESE, date),
					this.messages.message("notification.digest.title", Locale.ENGLISH, date))
			.body(zh.toString().strip(), en.toString().strip())
			.link("/inbox")
			.key(key)
			.channels(Notification.Channel.EMAIL)
			.build());
		return true;
	}

	private void section(StringBuilder out, DigestContributor contributor, List<DigestLine> lines, Locale locale) {
		out.append(contributor.heading().in(locale)).append('\n');
		for (DigestLine line : lines) {
			out.append("• ");
			if (line.level() != null) {
				out.append('【').append(this.messages.message(line.level().messageKey(), locale)).append("】");
			}
			out.append(line.text().in(locale)).append('\n');
		}
		out.append('\n');
	}

}
