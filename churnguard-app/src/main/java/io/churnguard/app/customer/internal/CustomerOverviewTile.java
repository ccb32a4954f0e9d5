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

/** Active customers in the viewer's scope, on the overview. */
@Component
class CustomerOverviewTile implements OverviewTile {

	private final JdbcTemplate jdbc;

	CustomerOverviewTile(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Set<String> roles() {
		return Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "AGENT", "ANALYST");
	}

	@Override
	public Content content(Locale locale) {
		CustomerScope scope = CustomerScope.of(Actor.require());
		List<Object> parameters = new ArrayList<>(scope.parameters());
		Long active = this.jdbc.queryForObject(
				"select count(*) from customer where status = 'active' and (" + scope.condition() + ")", Long.class,
				parameters.toArray());
		return new Content("overview.activeCustomers", String.format(Locale.ROOT, "%,d", active),
				"overview.activeCustomers.note", "neutral", "/customers?status=active");
	}

}
