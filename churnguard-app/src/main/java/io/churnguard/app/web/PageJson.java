package io.churnguard.app.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises chart data for a page's {@code <script type="application/json">} block,
 * which the strict Content-Security-Policy allows where inline scripts are forbidden.
 * Escaping {@code <} means data can never close the script element.
 */
public final class PageJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PageJson() {
	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value).replace("<", "\\u003c");
	}

}
