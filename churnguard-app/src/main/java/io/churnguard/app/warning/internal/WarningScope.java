package io.churnguard.app.warning.internal;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.app.security.Actor;

/**
 * Which warnings a user sees, as a SQL condition over the warning table: agents their
 * own; managers their own and those of their region or team; the retention head, analysts
 * and administrators all; auditors none. A warning outside the scope answers 404.
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
				yield p + "owner = ?";
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
