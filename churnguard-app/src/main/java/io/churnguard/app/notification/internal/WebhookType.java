package io.churnguard.app.notification.internal;

import java.util.Locale;

/** The receivers ChurnGuard speaks to, each with its message format. */
enum WebhookType {

	WECOM(new WeComFormat()), DINGTALK(new DingTalkFormat()), FEISHU(new FeishuFormat()), GENERIC(new GenericFormat());

	private final WebhookFormat format;

	WebhookType(WebhookFormat format) {
		this.format = format;
	}

	WebhookFormat format() {
		return this.format;
	}

	/** {@code wecom}, {@code dingtalk}, {@code feishu} or {@code generic}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static WebhookType of(String code) {
		for (WebhookType type : values()) {
			if (type.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
				return type;
			}
		}
		throw new IllegalArgumentException("type must be wecom, dingtalk, feishu or generic, was '" + code + "'");
	}

}
