package io.churnguard.app.warning.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Routing facts of customers, read in one query for a whole scoring run. */
@Component
class CustomerFactsStore {

	private final JdbcTemplate jdbc;

	CustomerFactsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, CustomerFacts> facts(Collection<String> customerIds) {
		Map<String, CustomerFacts> facts = new HashMap<>();
		if (customerIds.isEmpty()) {
			return facts;
		}
		this.jdbc.query("""
					select customer_id, value_grade, province, team, owner,
				       case when status = 'churned' then coalesce(churn_date, date '1900-01-01') end as churned_on
				from customer where customer_id = any (?)""",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", customerIds.toArray())), rs -> {
					facts.put(rs.getString(1), new CustomerFacts(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5), rs.getObject(6, java.time.LocalDate.class)));
				});
		return facts;
	}

}
