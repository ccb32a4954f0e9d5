package io.churnguard.app.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

/** One event as the customer 360 timeline shows it. */
public record TimelineEvent(String eventId, LocalDateTime time, String type, String subtype, BigDecimal amount,
		Double quantity, Map<String, Object> attributes) {
}
