package io.churnguard.app.notification.internal;

import java.net.URI;

/**
 * Shows a webhook URL without its credential: query values and long path segments (a
 * Feishu hook id, a WeCom or DingTalk token) keep their first four characters.
 */
final class UrlMasking {

	private UrlMasking() {
	}

	static String mask(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return "…";
		}
		StringBuilder out = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
		if (uri.getPort() >= 0) {
			out.append(':').append(uri.getPort());
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty()) {
				continue;
			}
			out.append('/').append((segment.length() >= 16) ? shorten(segment) : segment);
		}
		if (uri.getRawQuery() != null) {
			out.append('?');
			String[] parameters = uri.getRawQuery().split("&");
			for (int i = 0; i < parameters.length; i++) {
				int equals = parameters[i].indexOf('=');
				out.append((i > 0) ? "&" : "");
				out.append((equals < 0) ? parameters[i]
						: parameters[i].substring(0, equals + 1) + shorten(parameters[i].substring(equals + 1)));
			}
		}
		return out.toString();
	}

	private static String shorten(String value) {
		return (value.length() <= 4) ? "…" : value.substring(0, 4) + "…";
	}

}
