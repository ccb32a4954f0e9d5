package io.churnguard.app.notification.internal;

import java.util.List;

import io.churnguard.app.notification.NotificationLevel;

/** Notifications as channels receive them, for the format tests. */
final class Samples {

	private Samples() {
	}

	static MessageContent warning(NotificationLevel level, String link) {
		return new MessageContent(42, "warning.raised", level, "一级", "客户 C00012 流失风险高", "近三个月通话量下降 62%，上周投诉 2 次。",
				List.of(new MessageContent.Field("客户", "C00012"), new MessageContent.Field("流失概率", "0.87")), link,
				"查看详情", "ChurnGuard 客户流失预警 · 2026-03-02 09:15", "zh-CN", "agent.zhang", "广东", "warning:7:raised",
				"2026-03-02T01:15:00Z");
	}

	static MessageContent warning() {
		return warning(NotificationLevel.I, "https://churnguard.example.com/warnings/7");
	}

}
