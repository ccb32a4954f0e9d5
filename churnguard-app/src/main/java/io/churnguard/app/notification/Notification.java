package io.churnguard.app.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Something a user should know, e.g. that a warning was raised for one of their
 * customers. Build one with {@link #to(String)}.
 *
 * @param recipient the user name of who is told; the inbox entry is theirs, the email
 * goes to their address, and their language picks the text
 * @param kind what happened, lower-case and dotted, e.g. {@code warning.raised},
 * {@code warning.escalated}; webhooks subscribe to kinds
 * @param level I–IV for warnings, INFO otherwise
 * @param title a one-line summary in both languages
 * @param body further text in both languages, possibly empty
 * @param link the console path of the object, e.g. {@code /warnings/42}, or null
 * @param facts labelled values shown as fields in emails and webhook cards
 * @param region the region the notification concerns (a customer's province), or null for
 * the recipient's region; webhooks may subscribe to regions
 * @param key identifies the event notified, e.g. {@code warning:42:raised}, or null:
 * notifying the same recipient with the same key again is ignored, and each webhook
 * receives one message per key however many recipients are told
 * @param channels where it goes besides the inbox, which always gets it
 */
public record Notification(String recipient, String kind, NotificationLevel level, Text title, Text body, String link,
		List<Fact> facts, String region, String key, Set<Channel> channels) {

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

	public Notification {
		require(recipient != null && !recipient.isBlank(), "a notification needs a recipient");
		require(kind != null && kind.length() <= 64 && KIND.matcher(kind).matches(),
				"kind must be lower-case words joined by dots, e.g. warning.raised, was '" + kind + "'");
		Objects.requireNonNull(level, "level");
		require(title != null && !title.zh().isBlank() && !title.en().isBlank(),
				"a notification needs a title in Chinese and English");
		require(title.zh().length() <= 200 && title.en().length() <= 200, "a title has at most 200 characters");
		body = (body != null) ? body : Text.EMPTY;
		require(link == null || isConsolePath(link), "link must be a console path such as /warnings/42, was " + link);
		facts = (facts != null) ? List.copyOf(facts) : List.of();
		region = (region != null && !region.isBlank()) ? region.strip() : null;
		key = (key != null && !key.isBlank()) ? key.strip() : null;
		require(key == null || key.length() <= 200, "a key has at most 200 characters");
		channels = (channels != null) ? Set.copyOf(channels) : Set.of();
	}

	/** Starts a notification to a user, by default by email and webhook too. */
	public static Builder to(String recipient) {
		return new Builder(recipient);
	}

	/**
	 * A path on this server, never another site: links must not become open redirects.
	 */
	static boolean isConsolePath(String link) {
		return link.length() <= 500 && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& link.chars().noneMatch(Character::isWhitespace);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * A labelled value, e.g. 客户 / Customer: C00012.
	 *
	 * @param label the label in both languages
	 * @param value the value in both languages ({@link Text#same(String)} for a plain
	 * value)
	 */
	public record Fact(Text label, Text value) {

		public Fact {
			Objects.requireNonNull(label, "label");
			value = (value != null) ? value : Text.EMPTY;
		}

		public static Fact of(String zhLabel, String enLabel, String value) {
			return new Fact(Text.of(zhLabel, enLabel), Text.same(value));
		}

	}

	/** The channels besides the inbox. */
	public enum Channel {

		/**
		 * To the recipient's email address, when they have one and mail is configured.
		 */
		EMAIL,
		/** To every enabled webhook subscribed to the kind, level and region. */
		WEBHOOK

	}

	/** Builds a {@link Notification}; {@link #build()} validates it. */
	public static final class Builder {

		private final String recipient;

		private String kind;

		private NotificationLevel level = NotificationLevel.INFO;

		private Text title;

		private Text body = Text.EMPTY;

		private String link;

		private final List<Fact> facts = new ArrayList<>();

		private String region;

		private String key;

		private Set<Channel> channels = EnumSet.allOf(Channel.class);

		private Builder(String recipient) {
			this.recipient = recipient;
		}

		public Builder kind(String kind) {
			this.kind = kind;
			return this;
		}

		public Builder level(NotificationLevel level) {
			this.level = level;
			return this;
		}

		public Builder title(String zh, String en) {
			this.title = Text.of(zh, en);
			return this;
		}

		public Builder body(String zh, String en) {
			this.body = Text.of(zh, en);
			return this;
		}

		public Builder link(String link) {
			this.link = link;
			return this;
		}

		public Builder fact(String zhLabel, String enLabel, String value) {
			this.facts.add(Fact.of(zhLabel, enLabel, value));
			return this;
		}

		public Builder fact(Fact fact) {
			this.facts.add(fact);
			return this;
		}

		public Builder region(String region) {
			this.region = region;
			return this;
		}

		public Builder key(String key) {
			this.key = key;
			return this;
		}

		/** Where it goes besides the inbox; by default everywhere. */
		public Builder channels(Channel... channels) {
			this.channels = (channels.length == 0) ? Set.of() : EnumSet.copyOf(List.of(channels));
			return this;
		}

		public Notification build() {
			return new Notification(this.recipient, this.kind, this.level, this.title, this.body, this.link, this.facts,
					this.region, this.key, this.channels);
		}

	}

}
