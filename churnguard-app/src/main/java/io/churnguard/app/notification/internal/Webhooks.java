package io.churnguard.app.notification.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import io.churnguard.app.notification.NotificationLevel;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook table; URLs and secrets are sealed on the way in and opened on the way out.
 */
@Repository
class Webhooks {

	private static final String URL = "url";

	private static final String SECRET = "secret";

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	List<Webhook> list() {
		return this.jdbc.sql("select * from webhook order by name").query(this::map).list();
	}

	List<Webhook> enabled() {
		return this.jdbc.sql("select * from webhook where enabled order by id").query(this::map).list();
	}

	/**
	 * The subscriptions of the enabled webhooks, without opening URLs or secrets:
	 * choosing receivers must work even when the key is wrong, or notifying would fail
	 * the caller.
	 */
	List<Subscriber> subscribers() {
		return this.jdbc.sql("select id, kinds, levels, regions from webhook where enabled order by id")
			.query((rs, row) -> new Subscriber(rs.getLong("id"), subscription(rs)))
			.list();
	}

	Optional<Webhook> find(long id) {
		return this.jdbc.sql("select * from webhook where id = ?").param(id).query(this::map).optional();
	}

	Webhook create(WebhookForm form, String actor) {
		String url = form.validUrl();
		if (url == null) {
			throw new IllegalArgumentException("url is required");
		}
		WebhookSubscription subscription = form.subscription();
		Timestamp now = Timestamp.from(this.clock.instant());
		String secret = (form.secret() == null || form.secret().isEmpty()) ? null : form.secret();
		try {
			long id = this.jdbc.sql("""
					insert into webhook (name, type, url, secret, kinds, levels, regions, locale, enabled,
					  created_at, created_by, updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(form.validName(), form.validType().code(), this.cipher.seal(url, URL),
						this.cipher.seal(secret, SECRET), array(subscription.kinds()), array(subscription.levelCodes()),
						array(subscription.regions()), form.validLocale(), form.isEnabled(), now, actor, now, actor)
				.query(Long.class)
				.single();
			return find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("a webhook named '" + form.validName() + "' exists");
		}
	}

	Webhook update(long id, WebhookForm form, String actor) {
		Webhook current = find(id).orElseThrow(() -> new NoSuchElementException("no webhook " + id));
		String url = Optional.ofNullable(form.validUrl()).orElse(current.url());
		String secret = (form.secret() == null) ? current.secret() : form.secret().isEmpty() ? null : form.secret();
		WebhookSubscription subscription = form.subscription();
		try {
			this.jdbc.sql("""
					update webhook set name = ?, type = ?, url = ?, secret = ?, kinds = ?, levels = ?, regions = ?,
					  locale = ?, enabled = ?, updated_at = ?, updated_by = ? where id = ?""")
				.params(form.validName(), form.validType().code(), this.cipher.seal(url, URL),
						this.cipher.seal(secret, SECRET), array(subscription.kinds()), array(subscription.levelCodes()),
						array(subscription.regions()), form.validLocale(), form.isEnabled(),
						Timestamp.from(this.clock.instant()), actor, id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("a webhook named '" + form.validName() + "' exists");
		}
		return find(id).orElseThrow();
	}

	/** Deletes a webhook and its outbox rows, dead letters included. */
	boolean delete(long id) {
		return this.jdbc.sql("delete from webhook where id = ?").param(id).update() > 0;
	}

	private Webhook map(ResultSet rs, int row) throws SQLException {
		WebhookSubscription subscription = subscription(rs);
		return new Webhook(rs.getLong("id"), rs.getString("name"), WebhookType.of(rs.getString("type")),
				this.cipher.open(rs.getString("url"), URL), this.cipher.open(rs.getString("secret"), SECRET),
				subscription, rs.getString("locale"), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
		return new WebhookSubscription(strings(rs.getArray("kinds")),
				strings(rs.getArray("levels")).stream().map(NotificationLevel::of).collect(Collectors.toSet()),
				strings(rs.getArray("regions")));
	}

	private static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	record Subscriber(long id, WebhookSubscription subscription) {
	}

}
