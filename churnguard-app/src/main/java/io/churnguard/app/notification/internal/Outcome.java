package io.churnguard.app.notification.internal;

/**
 * How one delivery attempt ended.
 *
 * @param delivered whether the receiver took it
 * @param error why not, without URLs or secrets
 * @param permanent whether retrying cannot help (the receiver refused the request itself)
 */
record Outcome(boolean delivered, String error, boolean permanent) {

	static Outcome ok() {
		return new Outcome(true, null, false);
	}

	static Outcome failed(String error) {
		return new Outcome(false, shorten(error), false);
	}

	static Outcome refused(String error) {
		return new Outcome(false, shorten(error), true);
	}

	private static String shorten(String error) {
		String text = (error != null) ? error.strip() : "unknown error";
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
