package io.churnguard.app.customer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.churnguard.app.customer.CustomerArchive;
import io.churnguard.app.customer.CustomerFilter;
import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.customer.CustomerView;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every query carries the actor's {@link CustomerScope}; unmasked reads are audited. */
@Component
class JdbcCustomerArchive implements CustomerArchive {

	private static final Map<String, String> SORTS = Map.of("customer_id", "customer_id", "join_date", "join_date",
			"monthly_fee", "monthly_fee", "value_grade", "value_grade");

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	JdbcCustomerArchive(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public Optional<CustomerView> find(String customerId, Actor actor, boolean unmasked) {
		if (unmasked && !CustomerScope.mayUnmask(actor)) {
			this.audit.record(AuditRecord.denied("CUSTOMER_VIEW_UNMASKED", "customer", customerId)
				.with("role", actor.role().name()));
			throw new AccessDeniedException("your role may not see customers' personal data unmasked");
		}
		CustomerScope scope = CustomerScope.of(actor);
		List<Object> parameters = new ArrayList<>();
		parameters.add(customerId);
		parameters.addAll(scope.parameters());
		Optional<CustomerView> found = this.jdbc
			.query("select " + CustomerRows.COLUMNS + " from customer where customer_id = ? and (" + scope.condition()
					+ ")", (rs, n) -> CustomerRows.view(rs, !unmasked), parameters.toArray())
			.stream()
			.findFirst();
		if (unmasked && found.isPresent()) {
			this.audit.record(AuditRecord.success("CUSTOMER_VIEW_UNMASKED", "customer", customerId));
		}
		return found;
	}

	@Override
	public CustomerPage search(CustomerFilter filter, Actor actor, int page, int size) {
		return search(filter, actor, page, size, true);
	}

	/**
	 * A page of customers; unmasked only for an export the caller has authorised and
	 * audits.
	 */
	CustomerPage search(CustomerFilter filter, Actor actor, int page, int size, boolean masked) {
		Where where = where(filter, actor);
		List<Object> pageParameters = new ArrayList<>(where.parameters());
		pageParameters.add(size);
		pageParameters.add((long) page * size);
		List<CustomerView> items = this.jdbc.query(
				"select " + CustomerRows.COLUMNS + " from customer" + where.sql() + " order by "
						+ orderBy(filter.sort()) + " limit ? offset ?",
				(rs, n) -> CustomerRows.view(rs, masked), pageParameters.toArray());
		return new CustomerPage(items, page, size, count(filter, actor));
	}

	/** How many customers match a filter within the actor's scope. */
	long count(CustomerFilter filter, Actor actor) {
		Where where = where(filter, actor);
		Long total = this.jdbc.queryForObject("select count(*) from customer" + where.sql(), Long.class,
				where.parameters().toArray());
		return (total != null) ? total : 0;
	}

	/**
	 * Every customer matching a filter, in one pass: an export of a million customers
	 * must not page through them with ever larger offsets. The transaction lets
	 * PostgreSQL's driver fetch through a cursor instead of holding every row.
	 */
	@Transactional(readOnly = true)
	void forEach(CustomerFilter filter, Actor actor, boolean masked, Consumer<CustomerView> action) {
		Where where = where(filter, actor);
		JdbcTemplate streaming = new JdbcTemplate(this.jdbc.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query("select " + CustomerRows.COLUMNS + " from customer" + where.sql() + " order by "
				+ orderBy(filter.sort()), rs -> {
					action.accept(CustomerRows.view(rs, masked));
				}, where.parameters().toArray());
	}

	/**
	 * The scope and the filter as one SQL condition, so no query can forget the scope.
	 */
	private static Where where(CustomerFilter filter, Actor actor) {
		CustomerScope scope = CustomerScope.of(actor);
		StringBuilder where = new StringBuilder(" where (").append(scope.condition()).append(")");
		List<Object> parameters = new ArrayList<>(scope.parameters());
		if (filter.q() != null && !filter.q().isBlank()) {
			String q = filter.q().strip();
			if (q.chars().allMatch(Character::isDigit) && q.length() >= 4) {
				where.append(" and (phone = ? or phone like ? or customer_id = ?)");
				parameters.add(q);
				parameters.add("%" + q);
				parameters.add(q);
			}
			else {
				where.append(" and (customer_id = ? or name like ?)");
				parameters.add(q);
				parameters.add(q.replace("%", "").replace("_", "") + "%");
			}
		}
		equal(where, parameters, "value_grade", (filter.grade() != null) ? filter.grade().name() : null);
		equal(where, parameters, "status", (filter.status() != null) ? filter.status().code() : null);
		equal(where, parameters, "province", filter.province());
		equal(where, parameters, "city", filter.city());
		equal(where, parameters, "team", filter.team());
		equal(where, parameters, "owner", filter.owner());
		equal(where, parameters, "channel", filter.channel());
		equal(where, parameters, "plan", filter.plan());
		return new Where(where.toString(), parameters);
	}

	private record Where(String sql, List<Object> parameters) {
	}

	private static void equal(StringBuilder where, List<Object> parameters, String column, String value) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(column).append(" = ?");
			parameters.add(value.strip());
		}
	}

	static String orderBy(String sort) {
		if (sort == null || sort.isBlank()) {
			return "customer_id";
		}
		String[] parts = sort.split(",");
		String column = SORTS.get(parts[0].strip().toLowerCase(Locale.ROOT));
		if (column == null) {
			throw new IllegalArgumentException(
					"cannot sort by '" + parts[0] + "' (use customer_id, join_date, monthly_fee or value_grade)");
		}
		boolean descending = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
		return column + (descending ? " desc nulls last" : "") + ", customer_id";
	}

}
