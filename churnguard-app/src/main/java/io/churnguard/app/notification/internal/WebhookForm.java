package io.churnguard.app.notification.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.churnguard.app.notification.NotificationLevel;

/**
 * A webhook as an administrator enters it. On update, a null URL or secret keeps the
 * stored one and an empty secret removes it, so neither has to be shown to be kept.
 *
 * @param name a unique name, e.g. 华南预警群
 * @param type {@code wecom}, {@code dingtalk}, {@code feishu} or {@code generic}
 * @param url where to post (http or https)
 * @param secret the signing secret, or null
 * @param kinds kinds or prefixes such as {@code warning.*}; empty for all
 * @param levels I–IV, INFO; empty for all
 * @param regions regions; empty for all
 * @param locale {@code zh-CN} (default) or {@code en}: the language of its messages
 * @param enabled whether it receives anything (default true)
 */
record WebhookForm(String name, String type, String url, String secret, List<String> kinds, List<String> levels,
		List<String> regions, String locale, Boolean enabled) {

	WebhookForm {
		kinds = (kinds != null) ? kinds : List.of();
		levels = (levels != null) ? levels : List.of();
		regions = (regions != null) ? regions : List.of();
	}

	String validName() {
		if (this.name == null || this.name.isBlank() || this.name.strip().length() > 100) {
			throw new IllegalArgumentException("name must be 1 to 100 characters");
		}
		return this.name.strip();
	}

	WebhookType validType() {
		return WebhookType.of(this.type);
	}

	/** The URL, checked; null when none was given (keep the stored one). */
	String validUrl() {
		if (this.url == null || this.url.isBlank()) {
			return null;
		}
		String candidate = this.url.strip();
		try {
			URI uri = new URI(candidate);
			String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawFragment() == null && candidate.length() <= 2000) {
				return candidate;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		throw new IllegalArgumentException("url must be an http or https address without user info or fragment");
	}

	WebhookSubscription subscription() {
		Set<NotificationLevel> parsed = this.levels.stream()
			.filter(level -> level != null && !level.isBlank())
			.map(NotificationLevel::of)
			.collect(Collectors.toSet());
		return new WebhookSubscription(this.kinds, parsed, this.regions);
	}

	String validLocale() {
		return (this.locale == null || this.locale.isBlank()) ? "zh-CN" : Locales.require(this.locale.strip());
	}

	boolean isEnabled() {
		return this.enabled == null || this.enabled;
	}

	@Override
	public String toString() {
		return "WebhookForm[" + this.name + " " + this.type + "]";
	}

}
