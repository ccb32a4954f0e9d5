package io.churnguard.app.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.notification.Notification;
import io.churnguard.app.notification.NotificationLevel;
import io.churnguard.app.notification.Text;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification table read as each user's inbox. Every query names the recipient, so a
 * user can never see or mark another's entry.
 */
@Repository
class Inbox {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Map<String, String>>>> FACTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Page page(String recipient, boolean unreadOnly, int page, int size) {
		String filter = unreadOnly ? " and read_at is null" : "";
		List<StoredNotification> entries = this.jdbc
			.sql("select * from notification where recipient = ?" + filter + " order by id desc limit ? offset ?")
			.params(recipient, size, (long) page * size)
			.query(Inbox::map)
			.list();
		long total = this.jdbc.sql("select count(*) from notification where recipient = ?" + filter)
			.param(recipient)
			.query(Long.class)
			.single();
		return new Page(entries, page, size, total, unread(recipient));
	}

	long unread(String recipient) {
		return this.jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	Optional<StoredNotification> find(String recipient, long id) {
		return this.jdbc.sql("select * from notification where id = ? and recipient = ?")
			.params(id, recipient)
			.query(Inbox::map)
			.optional();
	}

	Optional<StoredNotification> find(long id) {
		return this.jdbc.sql("select * from notification where id = ?").param(id).query(Inbox::map).optional();
	}

	/**
	 * @return whether the entry is the recipient's (read before or now)
	 */
	boolean markRead(String recipient, long id) {
		if (this.jdbc.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), id, recipient)
			.update() > 0) {
			return true;
		}
		return find(recipient, id).isPresent();
	}

	boolean has(String recipient, String key) {
		return this.jdbc.sql("select count(*) from notification where recipient = ? and event_key = ?")
			.params(recipient, key)
			.query(Long.class)
			.single() > 0;
	}

	int markAllRead(String recipient) {
		return this.jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), recipient)
			.update();
	}

	static StoredNotification map(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new StoredNotification(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"),
				NotificationLevel.valueOf(rs.getString("level")), rs.getString("event_key"),
				Text.of(rs.getString("title_zh"), rs.getString("title_en")),
				Text.of(rs.getString("body_zh"), rs.getString("body_en")), rs.getString("link"),
				readFacts(rs.getString("facts")), rs.getString("region"), rs.getTimestamp("created_at").toInstant(),
				(read != null) ? read.toInstant() : null);
	}

	/** Facts as stored: {@code [{"label":{"zh":…,"en":…},"value":{"zh":…,"en":…}}]}. */
	static String writeFacts(List<Notification.Fact> facts) {
		return JSON.writeValueAsString(facts.stream()
			.map(fact -> Map.of("label", Map.of("zh", fact.label().zh(), "en", fact.label().en()), "value",
					Map.of("zh", fact.value().zh(), "en", fact.value().en())))
			.toList());
	}

	static List<Notification.Fact> readFacts(String json) {
		return JSON.readValue(json, FACTS)
			.stream()
			.map(fact -> new Notification.Fact(text(fact.get("label")), text(fact.get("value"))))
			.toList();
	}

	private static Text text(Map<String, String> value) {
		return (value != null) ? Text.of(value.get("zh"), value.get("en")) : Text.EMPTY;
	}

	record Page(List<StoredNotification> entries, int page, int size, long total, long unread) {
	}

}
