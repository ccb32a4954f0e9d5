package io.churnguard.app.customer.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.churnguard.app.customer.AttributeType;
import io.churnguard.app.customer.CustomerDirectory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcCustomerDirectory implements CustomerDirectory {

	private final JdbcTemplate jdbc;

	JdbcCustomerDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> existing(Collection<String> customerIds) {
		if (customerIds.isEmpty()) {
			return Set.of();
		}
		Set<String> found = new HashSet<>();
		this.jdbc.query("select customer_id from customer where customer_id = any (?)",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", customerIds.toArray())), rs -> {
					found.add(rs.getString(1));
				});
		return found;
	}

	@Override
	public Map<String, AttributeType> declaredAttributes() {
		Map<String, AttributeType> declared = new LinkedHashMap<>();
		this.jdbc.query("select name, type from customer_attribute order by name", rs -> {
			declared.put(rs.getString(1), AttributeType.fromCode(rs.getString(2)));
		});
		return declared;
	}

	@Override
	public int markChurned(Map<String, Churn> churns) {
		List<Object[]> rows = new java.util.ArrayList<>();
		churns.forEach((id, churn) -> rows.add(new Object[] { churn.date(), churn.reason(), id }));
		int[] updated = this.jdbc.batchUpdate("update customer set status = 'churned', churn_date = ?, "
				+ "churn_reason = coalesce(?, churn_reason), updated_at = now() where customer_id = ? and status = 'active'",
				rows);
		return java.util.Arrays.stream(updated).map(n -> Math.max(n, 0)).sum();
	}

	@Override
	public void declareAttribute(String name, AttributeType type) {
		this.jdbc.update("""
				insert into customer_attribute (name, label_zh, label_en, type) values (?, ?, ?, ?)
				on conflict (name) do nothing""", name, name, name, type.code());
	}

}
