package io.churnguard.app.retention.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies the contact policies against the database: the black list, do-not-contact and
 * consent, then the frequency policy over every campaign's issued tasks. Whoever issues
 * contacts takes {@link #lock()} first, so two campaigns launching at once cannot both
 * count the same free slot.
 */
@Component
class ContactGuard {

	/** The advisory lock key serialising every issue of contacts. */
	private static final long LOCK = 0x6368_7572_6e52_6574L;

	private final JdbcTemplate jdbc;

	private final RetentionProperties properties;

	private final ContactPermissionPolicy permission = new ContactPermissionPolicy();

	ContactGuard(JdbcTemplate jdbc, RetentionProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Serialises issuing contacts until the current transaction ends. */
	void lock() {
		this.jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
		}, LOCK);
	}

	Map<String, ContactStanding> standings(Collection<String> customerIds) {
		Map<String, boolean[]> flags = new HashMap<>();
		if (customerIds.isEmpty()) {
			return Map.of();
		}
		String[] ids = customerIds.toArray(String[]::new);
		this.jdbc.query("select kind, customer_id from contact_list where customer_id = any (?)", rs -> {
			boolean[] f = flags.computeIfAbsent(rs.getString(2), k -> new boolean[] { false, false, false, true });
			f["black".equals(rs.getString(1)) ? 0 : 1] = true;
		}, (Object) ids);
		this.jdbc.query(
				"select customer_id, do_not_contact, consent from contact_preference where customer_id = any (?)",
				rs -> {
					boolean[] f = flags.computeIfAbsent(rs.getString(1),
							k -> new boolean[] { false, false, false, true });
					f[2] = rs.getBoolean(2);
					f[3] = rs.getBoolean(3);
				}, (Object) ids);
		Map<String, ContactStanding> standings = new HashMap<>();
		flags.forEach((id, f) -> standings.put(id, new ContactStanding(f[0], f[1], f[2], f[3])));
		return standings;
	}

	/** Contacts issued to these customers by any campaign within the policy's window. */
	Map<String, List<Instant>> recentContacts(Collection<String> customerIds, Instant now) {
		Map<String, List<Instant>> contacts = new HashMap<>();
		if (customerIds.isEmpty()) {
			return contacts;
		}
		this.jdbc.query("""
				select customer_id, issued_at from contact_task
				where status <> 'cancelled' and issued_at > ? and customer_id = any (?)""", rs -> {
			contacts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
		}, Timestamp.from(now.minus(Duration.ofDays(this.properties.windowDays()))),
				customerIds.toArray(String[]::new));
		return contacts;
	}

	/** Every policy in order; the first refusal names the reason. */
	Decision check(ContactStanding standing, List<Instant> contacts, Instant now) {
		Decision allowed = this.permission.check(standing);
		if (!allowed.allowed()) {
			return allowed;
		}
		return this.properties.frequencyPolicy().check(contacts, now);
	}

	ContactStanding standing(Map<String, ContactStanding> standings, String customerId) {
		return standings.getOrDefault(customerId, ContactStanding.DEFAULT);
	}

}
