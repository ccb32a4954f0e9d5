package io.churnguard.app.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.customer.CustomerDirectory;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The black list (黑名单), the white list (白名单) and contact preferences (do-not-contact,
 * consent). Every change is audited.
 */
@Component
class ContactLists {

	private final JdbcTemplate jdbc;

	private final CustomerDirectory customers;

	private final AuditLog audit;

	private final Clock clock;

	ContactLists(JdbcTemplate jdbc, CustomerDirectory customers, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	List<Entry> list(String kind) {
		return this.jdbc.query(
				"select kind, customer_id, reason, added_at, added_by from contact_list where kind = ? order by added_at desc",
				(rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
						rs.getString(5)),
				kind(kind));
	}

	@Transactional
	int add(String kind, List<String> customerIds, String reason, String actor) {
		String k = kind(kind);
		List<String> ids = customerIds.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		java.util.Set<String> known = this.customers.existing(ids);
		List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown customers: " + unknown);
		}
		int added = 0;
		for (String id : ids) {
			added += this.jdbc.update("""
					insert into contact_list (kind, customer_id, reason, added_at, added_by) values (?, ?, ?, ?, ?)
					on conflict do nothing""", k, id, reason, Timestamp.from(this.clock.instant()), actor);
		}
		this.audit.record(AuditRecord.success("CONTACT_LIST_ADDED", "contact_list", k)
			.with("customers", ids)
			.with("reason", String.valueOf(reason)));
		return added;
	}

	@Transactional
	void remove(String kind, String customerId, String actor) {
		String k = kind(kind);
		if (this.jdbc.update("delete from contact_list where kind = ? and customer_id = ?", k, customerId) == 0) {
			throw new NoSuchElementException(customerId + " is not on the " + k + " list");
		}
		this.audit.record(AuditRecord.success("CONTACT_LIST_REMOVED", "contact_list", k).with("customer", customerId));
	}

	Map<String, Object> preference(String customerId) {
		return this.jdbc
			.queryForList("select do_not_contact, consent from contact_preference where customer_id = ?", customerId)
			.stream()
			.findFirst()
			.map(row -> Map.<String, Object>of("customerId", customerId, "doNotContact", row.get("do_not_contact"),
					"consent", row.get("consent")))
			.orElse(Map.of("customerId", customerId, "doNotContact", false, "consent", true));
	}

	@Transactional
	Map<String, Object> setPreference(String customerId, boolean doNotContact, boolean consent, String actor) {
		if (this.customers.existing(List.of(customerId)).isEmpty()) {
			throw new NoSuchElementException("no customer " + customerId);
		}
		this.jdbc.update("""
				insert into contact_preference (customer_id, do_not_contact, consent, updated_at, updated_by)
				values (?, ?, ?, ?, ?) on conflict (customer_id) do update set do_not_contact = excluded.do_not_contact,
				  consent = excluded.consent, updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
				customerId, doNotContact, consent, Timestamp.from(this.clock.instant()), actor);
		this.audit.record(AuditRecord.success("CONTACT_PREFERENCE_CHANGED", "customer", customerId)
			.with("doNotContact", doNotContact)
			.with("consent", consent));
		return preference(customerId);
	}

	private static String kind(String kind) {
		String k = (kind != null) ? kind.strip().toLowerCase(Locale.ROOT) : "";
		if (!k.equals("black") && !k.equals("white")) {
			throw new IllegalArgumentException("list kind must be black or white");
		}
		return k;
	}

	record Entry(String kind, String customerId, String reason, java.time.Instant addedAt, String addedBy) {
	}

}
