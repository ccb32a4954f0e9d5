package io.churnguard.app.retention.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;

/**
 * Who carries out a contact: the playbook names a role; an agent's task goes to the
 * customer's own agent, a manager's to the manager of the customer's region or team, the
 * head's to a retention head — the least loaded among equals — and, when nobody fits, up
 * the line to a sales manager and finally a retention head. Warnings route the same way.
 */
final class TaskRouting {

	private final List<Actor> users;

	private final Map<String, Integer> load = new HashMap<>();

	TaskRouting(List<Actor> users, Map<String, Integer> openTasks) {
		this.users = users;
		this.load.putAll(openTasks);
	}

	Optional<String> route(String ownerRole, Candidate customer) {
		Optional<String> owner = switch (ownerRole) {
			case "AGENT" -> this.users.stream()
				.filter(u -> u.role() == Role.AGENT && u.username().equals(customer.owner()))
				.map(Actor::username)
				.findFirst()
				.or(() -> leastLoaded(Role.AGENT, null, customer.team()));
			case "SALES_MANAGER" -> leastLoaded(Role.SALES_MANAGER, customer.province(), null);
			case "SERVICE_MANAGER" -> leastLoaded(Role.SERVICE_MANAGER, null, customer.team())
				.or(() -> leastLoaded(Role.SERVICE_MANAGER, customer.province(), null));
			default -> Optional.empty();
		};
		owner = owner.or(() -> leastLoaded(Role.SALES_MANAGER, customer.province(), null))
			.or(() -> leastLoaded(Role.RETENTION_HEAD, null, null));
		owner.ifPresent(name -> this.load.merge(name, 1, Integer::sum));
		return owner;
	}

	private Optional<String> leastLoaded(Role role, String region, String team) {
		return this.users.stream()
			.filter(u -> u.role() == role)
			.filter(u -> region == null || region.equals(u.region()))
			.filter(u -> team == null || team.equals(u.team()))
			.map(Actor::username)
			.min(Comparator.<String>comparingInt(name -> this.load.getOrDefault(name, 0))
				.thenComparing(Comparator.naturalOrder()));
	}

}
