package io.churnguard.app.security;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may know and do about users: find them, and set up accounts for a
 * workspace.
 */
public interface UserDirectory {

	/** A user as other modules see them. */
	Optional<Actor> find(String username);

	/**
	 * The email address of an enabled user, when they have one: where notifications are
	 * mailed.
	 */
	Optional<String> emailOf(String username);

	/** Enabled users with a role, e.g. the sales managers to route warnings to. */
	List<Actor> withRole(Role role);

	/**
	 * The enabled users who work warnings and contact tasks — retention heads, sales and
	 * service managers, agents, in that order, each by name — read at once (routing asks
	 * for them on every real-time batch that raises a warning).
	 */
	List<Actor> workers();

	/**
	 * Creates a user with a random initial password (the password policy always holds for
	 * it).
	 * @return the initial password, to be shown once
	 * @throws IllegalArgumentException when the user exists
	 */
	String create(String username, String displayName, Role role, String region, String team, String email);

}
