package io.churnguard.app.warning.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;

/**
 * Who works a warning, as our users' rules say: A-grade customers go to the retention
 * head, B-grade to the sales manager of their region, the rest to the customer's own
 * agent — or, when that person is missing or full, to a team queue. Among equals the
 * least loaded person gets it, and nobody is given more than their capacity.
 */
final class RoutingPolicy {

	private final List<Actor> users;

	private final Map<String, Integer> load;

	private final int capacity;

	/**
	 * @param users enabled users who work warnings
	 * @param load open warnings per user name
	 * @param capacity the most open warnings one person carries
	 */
	RoutingPolicy(List<Actor> users, Map<String, Integer> load, int capacity) {
		this.users = users;
		this.load = load;
		this.capacity = capacity;
	}

	/**
	 * @param grade the customer's value grade, or null
	 * @param province the customer's province
	 * @param team the customer's team
	 * @param customerOwner the customer's own agent, or null
	 * @return the user name to route to, or empty for the team queue
	 */
	Optional<String> route(String grade, String province, String team, String customerOwner) {
		if ("A".equals(grade)) {
			Optional<String> head = leastLoaded(Role.RETENTION_HEAD, null, null);
			if (head.isPresent()) {
				return head;
			}
		}
		if ("A".equals(grade) || "B".equals(grade)) {
			Optional<String> manager = leastLoaded(Role.SALES_MANAGER, province, team);
			if (manager.isPresent()) {
				return manager;
			}
		}
		if (customerOwner != null && hasRoom(customerOwner)
				&& this.users.stream().anyMatch(u -> u.username().equals(customerOwner))) {
			return Optional.of(customerOwner);
		}
		return leastLoaded(Role.AGENT, null, team).filter(agent -> team != null);
	}

	/**
	 * Counts a routed warning against its owner, so the next routing in the same run sees
	 * it.
	 */
	void assigned(String owner) {
		this.load.merge(owner, 1, Integer::sum);
	}

	private Optional<String> leastLoaded(Role role, String province, String team) {
		return this.users.stream()
			.filter(u -> u.role() == role && inScope(u, province, team))
			.map(Actor::username)
			.filter(this::hasRoom)
			.min(Comparator.comparingInt(this::loadOf).thenComparing(Comparator.naturalOrder()));
	}

	private static boolean inScope(Actor user, String province, String team) {
		boolean regionMatches = user.region() == null || province == null || Objects.equals(user.region(), province);
		boolean teamMatches = user.team() == null || team == null || Objects.equals(user.team(), team);
		return regionMatches && teamMatches
				&& (user.region() != null || user.team() != null || user.role() == Role.RETENTION_HEAD);
	}

	private boolean hasRoom(String user) {
		return loadOf(user) < this.capacity;
	}

	private int loadOf(String user) {
		return this.load.getOrDefault(user, 0);
	}

}
