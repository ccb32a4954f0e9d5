package io.churnguard.app.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements are stored as JSON until they are served, and served again after a
 * restart: one stored by this version must come back with its events, and one stored
 * before announcements carried events must come back without them (its customers' recent
 * days are then read from the log).
 */
class EventsAppendedTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anAnnouncementComesBackFromItsStoredFormWithItsEvents() {
		EventsAppended appended = new EventsAppended(List.of("C1"), LocalDate.of(2026, 12, 7),
				List.of(new EventsAppended.Appended("e1", "C1", LocalDateTime.of(2026, 12, 7, 9, 30, 5), "payment",
						"overdue", 38.5, null)));
		EventsAppended back = this.json.readValue(this.json.writeValueAsString(appended), EventsAppended.class);
		assertThat(back).isEqualTo(appended);
	}

	@Test
	void anAnnouncementStoredByAnEarlierVersionComesBackWithoutEvents() {
		EventsAppended back = this.json.readValue("{\"customerIds\":[\"C1\",\"C2\"],\"earliestDay\":\"2026-12-07\"}",
				EventsAppended.class);
		assertThat(back.customerIds()).containsExactly("C1", "C2");
		assertThat(back.events()).isNull();
	}

}
