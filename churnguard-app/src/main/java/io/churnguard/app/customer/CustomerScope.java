package io.churnguard.app.customer;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;

/**
 * Which customers a user may see, as a SQL condition every customer query includes — so a
 * customer outside the scope is simply not found (404), in lists, the 360 view and
 * exports alike.
 * <ul>
 * <li>retention head, analyst, administrator: every customer (analysts and administrators
 * only masked);</li>
 * <li>sales manager: customers of their region (province) and/or team;</li>
 * <li>service manager: customers of their team, or else their region;</li>
 * <li>agent: the customers they own, and those of the work they hold
 * ({@link CustomerAccessGrants}: a warning from their team's queue);</li>
 * <li>auditor: none.</li>
 * </ul>
 * A manager with neither region nor team sees nobody, rather than everybody.
 *
 * @param condition the SQL condition over the customer table's columns
 * @param parameters its parameters, in order
 */
public record CustomerScope(String condition, List<Object> parameters) {

	public CustomerScope {
		parameters = List.copyOf(parameters);
	}

	/** The scope of a user. */
	public static CustomerScope of(Actor actor) {
		return of(actor, "");
	}

	/**
	 * The scope of a user over a customer table with a given alias.
	 * @param actor the user
	 * @param alias the table alias, e.g. {@code c}, or empty
	 */
	public static CustomerScope of(Actor actor, String alias) {
		String p = alias.isEmpty() ? "" : alias + ".";
		List<Object> parameters = new ArrayList<>();
		String condition = switch (actor.role()) {
			case RETENTION_HEAD, ANALYST, ADMIN -> "true";
			case AUDITOR -> "false";
			case AGENT -> {
				parameters.add(actor.username());
				parameters.add(actor.username());
				// Qualified even without an alias: inside the subquery a bare customer_id
				// would be the grant's own.
				String customer = p.isEmpty() ? "customer." : p;
				yield "(" + p + "owner = ? or exists (select 1 from customer_access_grant g where g.username = ?"
						+ " and g.customer_id = " + customer + "customer_id))";
			}
			case SALES_MANAGER -> regionAndTeam(actor, p, parameters);
			case SERVICE_MANAGER -> {
				if (actor.team() != null) {
					parameters.add(actor.team());
					yield p + "team = ?";
				}
				yield regionAndTeam(actor, p, parameters);
			}
		};
		return new CustomerScope(condition, parameters);
	}

	private static String regionAndTeam(Actor actor, String p, List<Object> parameters) {
		List<String> parts = new ArrayList<>();
		if (actor.region() != null) {
			parts.add(p + "province = ?");
			parameters.add(actor.region());
		}
		if (actor.team() != null) {
			parts.add(p + "team = ?");
			parameters.add(actor.team());
		}
		return parts.isEmpty() ? "false" : String.join(" and ", parts);
	}

	/**
	 * Whether the user may see personal fields unmasked when they ask to (never by
	 * default).
	 */
	public static boolean mayUnmask(Actor actor) {
		return actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER, Role.AGENT);
	}

	/** Whether the user may see customers at all. */
	public static boolean maySee(Actor actor) {
		return !actor.hasRole(Role.AUDITOR);
	}

}
