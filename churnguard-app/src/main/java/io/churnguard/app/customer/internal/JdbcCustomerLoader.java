package io.churnguard.app.customer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.churnguard.app.customer.CustomerField;
import io.churnguard.app.customer.CustomerLoader;
import io.churnguard.app.customer.CustomerRecord;
import io.churnguard.app.platform.jdbc.CopyRows;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * COPY into a staging table, then one upsert that writes only the fields the source
 * provides and skips rows identical to what is on record.
 */
@Component
class JdbcCustomerLoader implements CustomerLoader {

	/**
	 * Staging columns, in COPY order; they match {@link CustomerField} plus the
	 * attributes.
	 */
	private static final List<String> COLUMNS = List.of("customer_id", "name", "gender", "birth_year", "phone", "email",
			"id_card", "province", "city", "team", "channel", "plan", "monthly_fee", "join_date", "contract_end_date",
			"group_account", "owner", "value_grade", "status", "churn_date", "churn_reason", "attributes");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	JdbcCustomerLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public LoadResult upsert(List<CustomerRecord> records, Set<CustomerField> present, Long importId) {
		if (records.isEmpty()) {
			return new LoadResult(0, 0, 0);
		}
		Map<String, CustomerRecord> unique = new LinkedHashMap<>();
		records.forEach(record -> unique.put(record.customerId(), record));
		int repeats = records.size() - unique.size();

		this.jdbc.execute("""
				create temp table if not exists customer_stage (
				  customer_id varchar(64), name varchar(128), gender char(1), birth_year smallint, phone varchar(32),
				  email varchar(254), id_card varchar(32), province varchar(32), city varchar(32), team varchar(64),
				  channel varchar(32), plan varchar(64), monthly_fee numeric(12,2), join_date date,
				  contract_end_date date, group_account boolean, owner varchar(64), value_grade char(1),
				  status varchar(16), churn_date date, churn_reason varchar(64), attributes jsonb
				) on commit delete rows""");
		copy(unique.values());
		this.jdbc.execute("""
				create temp table if not exists customer_previous_grade (customer_id varchar(64), value_grade char(1))
				on commit delete rows""");
		this.jdbc.update("""
				insert into customer_previous_grade
				select c.customer_id, c.value_grade from customer c join customer_stage s using (customer_id)""");

		List<Boolean> outcomes = this.jdbc.queryForList(upsertSql(present, importId), Boolean.class);
		int inserted = (int) outcomes.stream().filter(Boolean::booleanValue).count();
		int updated = outcomes.size() - inserted;

		if (present.contains(CustomerField.VALUE_GRADE)) {
			this.jdbc.update("""
					insert into customer_grade_history (customer_id, grade, previous_grade, graded_at, reason)
					select s.customer_id, s.value_grade, p.value_grade, now(), 'imported'
					from customer_stage s left join customer_previous_grade p using (customer_id)
					where s.value_grade is not null and s.value_grade is distinct from p.value_grade""");
		}
		return new LoadResult(inserted, updated, unique.size() - inserted - updated + repeats);
	}

	private void copy(Iterable<CustomerRecord> records) {
		Connection connection = DataSourceUtils.getConnection(this.jdbc.getDataSource());
		try {
			CopyRows rows = new CopyRows(1000);
			for (CustomerRecord r : records) {
				rows.text(r.customerId())
					.text(r.name())
					.text(r.gender())
					.number(r.birthYear())
					.text(r.phone())
					.text(r.email())
					.text(r.idCard())
					.text(r.province())
					.text(r.city())
					.text(r.team())
					.text(r.channel())
					.text(r.plan())
					.number(r.monthlyFee())
					.date(r.joinDate())
					.date(r.contractEndDate())
					.bool(r.groupAccount())
					.text(r.owner())
					.text((r.valueGrade() != null) ? r.valueGrade().name() : null)
					.text(r.status().code())
					.date(r.churnDate())
					.text(r.churnReason())
					.text(r.attributes().isEmpty() ? null : JSON.writeValueAsString(r.attributes()))
					.endRow();
			}
			rows.copyInto(connection, "customer_stage (" + String.join(", ", COLUMNS) + ")");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage customers: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.jdbc.getDataSource());
		}
	}

	/**
	 * Inserts new customers with every staged field; for known customers sets only the
	 * present fields, and only when one of them differs. {@code xmax = 0} tells an
	 * inserted row from an updated one.
	 */
	static String upsertSql(Set<CustomerField> present, Long importId) {
		Set<CustomerField> updatable = EnumSet.noneOf(CustomerField.class);
		updatable.addAll(present);
		updatable.remove(CustomerField.CUSTOMER_ID);
		List<String> columns = new ArrayList<>(COLUMNS);
		String select = columns.stream().map(column -> switch (column) {
			case "group_account" -> "coalesce(group_account, false)";
			case "status" -> "coalesce(status, 'active')";
			case "attributes" -> "coalesce(attributes, '{}'::jsonb)";
			default -> column;
		}).collect(Collectors.joining(", "));
		List<String> assignments = new ArrayList<>();
		List<String> compared = new ArrayList<>();
		for (CustomerField field : updatable) {
			String column = field.code();
			assignments.add(column + " = excluded." + column);
			compared.add(column);
		}
		assignments.add("attributes = customer.attributes || excluded.attributes");
		if (updatable.contains(CustomerField.VALUE_GRADE)) {
			assignments.add("graded_at = case when excluded.value_grade is distinct from customer.value_grade "
					+ "then now() else customer.graded_at end");
		}
		assignments.add("updated_at = now()");
		assignments.add("last_import_id = excluded.last_import_id");
		String changed = compared.isEmpty() ? "false"
				: "(" + compared.stream().map(c -> "customer." + c).collect(Collectors.joining(", ")) + ")"
						+ " is distinct from ("
						+ compared.stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")) + ")";
		changed += " or customer.attributes is distinct from (customer.attributes || excluded.attributes)";
		return "insert into customer (" + String.join(", ", columns) + ", graded_at, last_import_id) select " + select
				+ ", case when value_grade is null then null else now() end, "
				+ ((importId != null) ? importId.toString() : "null") + " from customer_stage"
				+ " on conflict (customer_id) do update set " + String.join(", ", assignments) + " where " + changed
				+ " returning (xmax = 0)";
	}

}
