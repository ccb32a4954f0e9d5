package io.churnguard.app.warning.internal;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.security.Actor;

/**
 * Which warnings a user sees, as a SQL condition over the warning table: agents their own
 * and their team's queue (warnings nobody owns yet, which they may claim); managers their
 * own and those of their region or team; the retention head, analysts and administrators
 * all; auditors none. A warning outside the scope answers 404. The queue, the workbench,
 * the overview and the evaluation all use this one scope.
 *
 * @param condition the SQL condition
 * @param parameters its parameters
 */
record WarningScope(String condition, List<Object> parameters) {

	static WarningScope of(Actor actor, String alias) {
		String p = alias.isEmpty() ? "" : alias + ".";
		List<Object> parameters = new ArrayList<>();
		String condition = switch (actor.role()) {
			case RETENTION_HEAD, ANALYST, ADMIN -> "true";
			case AUDITOR -> "false";
			case AGENT -> {
				parameters.add(actor.username());
				if (actor.team() == null) {
					yield p + "owner = ?";
				}
				// The team queue, as routing fills it: the customer's team, whatever the
				// province.
				parameters.add(actor.team());
				yield "(" + p + "owner = ? or (" + p + "owner is null and " + p + "team = ?))";
			}
			case SALES_MANAGER, SERVICE_MANAGER -> {
				parameters.add(actor.username());
				List<String> parts = new ArrayList<>();
				if (actor.region() != null) {
					parts.add(p + "province = ?");
					parameters.add(actor.region());
				}
				if (actor.team() != null) {
					parts.add(p + "team = ?");
					parameters.add(actor.team());
				}
				yield "(" + p + "owner = ?" + (parts.isEmpty() ? "" : " or (" + String.join(" and ", parts) + ")")
						+ ")";
			}
		};
		return new WarningScope(condition, parameters);
	}

}
