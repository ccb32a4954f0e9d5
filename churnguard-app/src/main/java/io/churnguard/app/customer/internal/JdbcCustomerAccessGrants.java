package io.churnguard.app.customer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.churnguard.app.customer.CustomerAccessGrants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants in {@code customer_access_grant}, written in the caller's transaction: a warning
 * assigned and its grant commit or roll back together.
 */
@Component
class JdbcCustomerAccessGrants implements CustomerAccessGrants {

	private final JdbcTemplate jdbc;

	JdbcCustomerAccessGrants(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void grant(Collection<Grant> grants) {
		if (grants.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(grants.size());
		for (Grant grant : grants) {
			rows.add(new Object[] { grant.work(), grant.customerId(), grant.username() });
		}
		this.jdbc.batchUpdate("""
				insert into customer_access_grant (work, customer_id, username) values (?, ?, ?)
				on conflict (work) do update set customer_id = excluded.customer_id, username = excluded.username,
				  granted_at = now()""", rows);
	}

	@Override
	@Transactional
	public void revoke(Collection<String> works) {
		if (!works.isEmpty()) {
			this.jdbc.update("delete from customer_access_grant where work = any (?)",
					(Object) works.toArray(String[]::new));
		}
	}

}
