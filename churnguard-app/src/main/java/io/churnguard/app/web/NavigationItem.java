package io.churnguard.app.web;

import java.util.Set;

/**
 * An entry of the console's main navigation, contributed as a bean by the module that
 * owns the page.
 *
 * @param section the navigation section: one of {@link #SECTIONS}
 * @param messageKey the label's message key
 * @param path the page's path
 * @param order position within its section
 * @param roles the roles (e.g. {@code ADMIN}) that see it; empty for every signed-in user
 */
public record NavigationItem(String section, String messageKey, String path, int order, Set<String> roles) {

	/**
	 * The console's sections in display order; a section without items shows as "coming
	 * later".
	 */
	public static final java.util.List<String> SECTIONS = java.util.List.of("overview", "customers", "warnings",
			"models", "campaigns", "security");

	public NavigationItem {
		if (!SECTIONS.contains(section)) {
			throw new IllegalArgumentException("unknown navigation section '" + section + "'");
		}
		roles = Set.copyOf(roles);
	}

}
