package io.churnguard.app.notification.internal;

import java.util.List;

import io.churnguard.app.notification.NotificationLevel;

/**
 * A notification in one language, ready for a channel to format: texts resolved, the
 * level labelled, the link made absolute when the console's address is known.
 *
 * @param id the notification's id
 * @param kind what happened
 * @param level how urgent
 * @param levelLabel the level's label, e.g. 一级
 * @param title the title
 * @param body the body, possibly empty
 * @param facts labelled values
 * @param link absolute URL when {@code churnguard.notifications.base-url} is set, the
 * console path otherwise, or null
 * @param linkLabel the link's caption, e.g. 查看详情
 * @param footer the sender line, e.g. "ChurnGuard 客户流失预警 · 2026-03-02 09:15"
 * @param languageTag {@code zh-CN} or {@code en}
 * @param recipient who was told
 * @param region the region concerned, or null
 * @param key the event key, or null
 * @param createdAt when, ISO-8601
 */
record MessageContent(long id, String kind, NotificationLevel level, String levelLabel, String title, String body,
		List<Field> facts, String link, String linkLabel, String footer, String languageTag, String recipient,
		String region, String key, String createdAt) {

	MessageContent {
		facts = List.copyOf(facts);
	}

	/**
	 * Whether the link can be followed from outside the console (a chat, a mail client).
	 */
	public boolean hasAbsoluteLink() {
		return this.link != null && (this.link.startsWith("https://") || this.link.startsWith("http://"));
	}

	/** The title with its level, e.g. 【一级】客户 C001 流失风险高; information has none. */
	String headline() {
		return (this.level == NotificationLevel.INFO) ? this.title : "【" + this.levelLabel + "】" + this.title;
	}

	record Field(String label, String value) {
	}

}
