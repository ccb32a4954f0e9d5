package io.churnguard.app.event;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.churnguard.app.platform.values.FieldError;
import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0);

	@Test
	void aValidRowBecomesAnEvent() {
		var parsed = EventFields.parse(row("E1", "C1", "2025-03-14T10:22:05", "complaint", "network", "", "",
				"{\"category\":\"网络\",\"text\":\"信号差\"}"), ZONE, NOW);
		assertThat(parsed.isOk()).isTrue();
		assertThat(parsed.value().type()).isEqualTo(EventType.COMPLAINT);
		assertThat(parsed.value().attributes()).containsEntry("text", "信号差");
		assertThat(parsed.value().hasAmount()).isFalse();
	}

	@Test
	void everyBadFieldOfARowIsReportedNotOnlyTheFirst() {
		var parsed = EventFields.parse(row("", "C1", "yesterday", "teleport", "", "abc", "", "[1]"), ZONE, NOW);
		assertThat(parsed.errors()).extracting(FieldError::field)
			.containsExactly("event_id", "event_time", "event_type", "amount", "attributes");
		assertThat(parsed.errors()).extracting(FieldError::reason)
			.contains("is required", "not a number", "not a JSON object");
	}

	@Test
	void eventsFromTheFutureOrTheDistantPastAreRefused() {
		assertThat(
				EventFields.parse(row("E1", "C1", "2030-01-01T00:00:00", "usage", "", "", "1", ""), ZONE, NOW).errors())
			.singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("plausible range"));
		assertThat(
				EventFields.parse(row("E1", "C1", "1970-01-01T00:00:00", "usage", "", "", "1", ""), ZONE, NOW).isOk())
			.isFalse();
	}

	private static Map<String, String> row(String id, String customer, String time, String type, String subtype,
			String amount, String quantity, String attributes) {
		Map<String, String> row = new HashMap<>();
		row.put("event_id", id);
		row.put("customer_id", customer);
		row.put("event_time", time);
		row.put("event_type", type);
		row.put("subtype", subtype);
		row.put("amount", amount);
		row.put("quantity", quantity);
		row.put("attributes", attributes);
		return row;
	}

}
