package io.churnguard.app.warning.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;

/**
 * Whom an overdue warning escalates to: always one step up the line, never sideways or
 * down. An agent's warning goes to their manager (a sales or service manager of the
 * agent's team, else of the agent's region without a team), a manager's to the retention
 * head, a team-queue warning to the team's manager; with nobody at the next step it skips
 * to the retention head. The retention head is the top: their overdue warnings stay with
 * them, flagged overdue. Among equals the least loaded wins (ties by name); capacity does
 * not limit an escalation.
 */
final class EscalationPolicy {

	private final List<Actor> users;

	private final Map<String, Integer> load;

	/**
	 * @param users enabled users who work warnings
	 * @param load open warnings per user name; escalations add to it
	 */
	EscalationPolicy(List<Actor> users, Map<String, Integer> load) {
		this.users = users;
		this.load = load;
	}

	/**
	 * @param owner the warning's owner, or null for the team queue
	 * @param province the customer's province, when raised
	 * @param team the customer's team, when raised
	 * @return the new owner, or empty when the warning stays where it is (the owner is
	 * the top of the line, or there is nobody above)
	 */
	Optional<String> escalate(String owner, String province, String team) {
		Optional<Actor> current = (owner != null)
				? this.users.stream().filter(u -> u.username().equals(owner)).findFirst() : Optional.empty();
		Optional<String> to;
		if (current.isEmpty()) {
			// The team queue — or an owner who left or no longer works warnings — is the
			// team's: its manager takes it.
			to = managerOf(team, province).or(this::head);
		}
		else {
			to = switch (current.get().role()) {
				case AGENT -> managerOf(current.get().team(), current.get().region()).or(this::head);
				case SALES_MANAGER, SERVICE_MANAGER -> head();
				// The retention head is the top of the line (users holds only those who
				// work warnings).
				default -> Optional.empty();
			};
		}
		to.ifPresent(name -> this.load.merge(name, 1, Integer::sum));
		return to;
	}

	/** A manager of the team, else a manager of the whole region (one without a team). */
	private Optional<String> managerOf(String team, String region) {
		Optional<String> teamManager = (team != null) ? leastLoaded(u -> isManager(u) && team.equals(u.team()))
				: Optional.empty();
		return teamManager.or(() -> (region != null)
				? leastLoaded(u -> isManager(u) && u.team() == null && region.equals(u.region())) : Optional.empty());
	}

	private Optional<String> head() {
		return leastLoaded(u -> u.role() == Role.RETENTION_HEAD);
	}

	private static boolean isManager(Actor user) {
		return user.hasRole(Role.SALES_MANAGER, Role.SERVICE_MANAGER);
	}

	private Optional<String> leastLoaded(Predicate<Actor> eligible) {
		return this.users.stream()
			.filter(eligible)
			.map(Actor::username)
			.min(Comparator.comparingInt((String name) -> this.load.getOrDefault(name, 0))
				.thenComparing(Comparator.naturalOrder()));
	}

}
