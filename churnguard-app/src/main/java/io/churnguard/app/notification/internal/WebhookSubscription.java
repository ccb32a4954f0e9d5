package io.churnguard.app.notification.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.churnguard.app.notification.NotificationLevel;

/**
 * Which notifications a webhook wants. Each list empty means "all"; a kind ending in
 * {@code .*} matches every kind under it ({@code warning.*} takes {@code warning.raised}
 * and {@code warning.escalated}). A webhook restricted to regions gets only notifications
 * about one of them.
 */
record WebhookSubscription(List<String> kinds, Set<NotificationLevel> levels, List<String> regions) {

	WebhookSubscription {
		kinds = kinds.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
		levels = Set.copyOf(levels);
		regions = regions.stream().map(String::strip).filter(r -> !r.isEmpty()).distinct().toList();
		for (String kind : kinds) {
			if (!kind.matches("[a-z0-9_.*-]+") || kind.indexOf('*') >= 0 && !kind.endsWith(".*")
					|| kind.indexOf('*') != kind.lastIndexOf('*')) {
				throw new IllegalArgumentException(
						"a kind filter is a kind such as warning.raised or a prefix such as warning.*, was '" + kind
								+ "'");
			}
		}
	}

	static WebhookSubscription all() {
		return new WebhookSubscription(List.of(), Set.of(), List.of());
	}

	boolean wants(String kind, NotificationLevel level, String region) {
		return matchesKind(kind) && (this.levels.isEmpty() || this.levels.contains(level))
				&& (this.regions.isEmpty() || region != null && this.regions.contains(region));
	}

	private boolean matchesKind(String kind) {
		if (this.kinds.isEmpty()) {
			return true;
		}
		for (String filter : this.kinds) {
			if (filter.endsWith(".*") ? kind.startsWith(filter.substring(0, filter.length() - 1))
					: filter.equals(kind)) {
				return true;
			}
		}
		return false;
	}

	/** The level codes in severity order, for storing and showing. */
	List<String> levelCodes() {
		return new TreeSet<>(this.levels).stream().map(NotificationLevel::name).toList();
	}

}
