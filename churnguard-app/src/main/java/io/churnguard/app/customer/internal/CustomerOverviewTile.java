package io.churnguard.app.customer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.security.Actor;
import io.churnguard.app.web.OverviewTile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customers in the viewer's scope on the overview: how many are active, and how many of
 * them are the diamond and platinum customers (A/B) whose warnings come first.
 */
final class CustomerOverviewTile {

	private static final Set<String> ROLES = Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER",
			"AGENT", "ANALYST");

	private CustomerOverviewTile() {
	}

	static long count(JdbcTemplate jdbc, String condition) {
		CustomerScope scope = CustomerScope.of(Actor.require());
		List<Object> parameters = new ArrayList<>(scope.parameters());
		Long count = jdbc.queryForObject(
				"select count(*) from customer where " + condition + " and (" + scope.condition() + ")", Long.class,
				parameters.toArray());
		return (count != null) ? count : 0;
	}

	static String format(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	@Component
	static class Active implements OverviewTile {

		private final JdbcTemplate jdbc;

		Active(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 10;
		}

		@Override
		public Set<String> roles() {
			return ROLES;
		}

		@Override
		public Content content(Locale locale) {
			return new Content("overview.activeCustomers", format(count(this.jdbc, "status = 'active'")),
					"overview.activeCustomers.note", "neutral", "/customers?status=active");
		}

	}

	@Component
	static class HighValue implements OverviewTile {

		private final JdbcTemplate jdbc;

		HighValue(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 11;
		}

		@Override
		public Set<String> roles() {
			return ROLES;
		}

		@Override
		public Content content(Locale locale) {
			return new Content("overview.highValueCustomers",
					format(count(this.jdbc, "status = 'active' and value_grade in ('A', 'B')")),
					"overview.highValueCustomers.note", "neutral", "/customers?status=active&sort=value_grade");
		}

	}

}
