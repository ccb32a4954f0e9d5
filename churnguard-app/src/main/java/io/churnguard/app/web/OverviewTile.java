package io.churnguard.app.web;

import java.util.Locale;
import java.util.Set;

/**
 * A figure on the overview page, contributed as a bean by the module that knows it (open
 * warnings, value at risk, the audit chain's state …).
 */
public interface OverviewTile {

	/** Position on the page. */
	int order();

	/** The roles that see the tile; empty for every signed-in user. */
	Set<String> roles();

	/** The tile's current content, computed when the page is shown. */
	Content content(Locale locale);

	/**
	 * @param labelKey message key of the caption
	 * @param value the figure, formatted
	 * @param noteKey message key of a short note under the figure, or null
	 * @param tone {@code ok}, {@code warn}, {@code bad} or {@code neutral}: the figure's
	 * colour
	 * @param link where clicking the tile leads, or null
	 */
	record Content(String labelKey, String value, String noteKey, String tone, String link) {
	}

}
