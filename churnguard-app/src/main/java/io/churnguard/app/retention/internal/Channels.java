package io.churnguard.app.retention.internal;

import java.util.List;

/** The channels a retention action goes out on. */
final class Channels {

	static final List<String> ALL = List.of("phone", "sms", "email", "visit", "app", "wechat");

	private Channels() {
	}

}
