package io.churnguard.app.warning.internal;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.security.Actor;

/**
 * Which warnings a user sees, as a SQL condition over the warning table: agents their own
 * and their team's queue (warnings nobody owns yet, which they may claim); managers their
 * own and those of the customers in their {@link CustomerScope} (the warning keeps the
 * customer's province and team, so the one definition of a manager's region and team
 * serves both); the retention head, analysts and administrators all; auditors none. A
 * warning outside the scope answers 404. The queue, the workbench, the overview and the
 * evaluation all use this one scope.
 *
 * @param condition the SQL condition
 * @param parameters its parameters
 */
record WarningScope(String condition, List<Object> parameters) {

	WarningScope {
		parameters = List.copyOf(parameters);
	}

	static WarningScope of(Actor actor, String alias) {
		String p = alias.isEmpty() ? "" : alias + ".";
		return switch (actor.role()) {
			case RETENTION_HEAD, ANALYST, ADMIN -> new WarningScope("true", List.of());
			case AUDITOR -> new WarningScope("false", List.of());
			case AGENT -> {
				if (actor.team() == null) {
					yield new WarningScope(p + "owner = ?", List.of(actor.username()));
				}
				// The team queue, as routing fills it: the customer's team, whatever the
				// province.
				yield new WarningScope("(" + p + "owner = ? or (" + p + "owner is null and " + p + "team = ?))",
						List.of(actor.username(), actor.team()));
			}
			case SALES_MANAGER, SERVICE_MANAGER -> {
				CustomerScope customers = CustomerScope.of(actor, alias);
				List<Object> parameters = new ArrayList<>();
				parameters.add(actor.username());
				parameters.addAll(customers.parameters());
				yield new WarningScope("(" + p + "owner = ? or (" + customers.condition() + "))", parameters);
			}
		};
	}

	/**
	 * The warnings a user may be given: those of customers they are responsible for,
	 * whoever owns the warning now. The retention head may be given any; a manager those
	 * of their {@link CustomerScope}; an agent those of their team (its queue, as routing
	 * fills it) or of customers they own. Analysts, administrators and auditors work no
	 * warnings.
	 * @param actor the user who would be given the warnings
	 * @param alias the warning table's alias (not empty: the agent's condition reads the
	 * customer table too)
	 * @return the condition
	 */
	static WarningScope assignable(Actor actor, String alias) {
		String p = alias + ".";
		return switch (actor.role()) {
			case RETENTION_HEAD -> new WarningScope("true", List.of());
			case ANALYST, ADMIN, AUDITOR -> new WarningScope("false", List.of());
			case SALES_MANAGER, SERVICE_MANAGER -> {
				CustomerScope customers = CustomerScope.of(actor, alias);
				yield new WarningScope(customers.condition(), customers.parameters());
			}
			case AGENT -> {
				String own = "exists (select 1 from customer c where c.customer_id = " + p
						+ "customer_id and c.owner = ?)";
				if (actor.team() == null) {
					yield new WarningScope(own, List.of(actor.username()));
				}
				yield new WarningScope("(" + p + "team = ? or " + own + ")", List.of(actor.team(), actor.username()));
			}
		};
	}

}
