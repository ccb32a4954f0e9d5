package io.churnguard.app.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as other modules see them: enough to enforce data scopes (an agent
 * sees their own customers, a sales manager their region or team) without reaching into
 * the security module.
 *
 * @param username the user name
 * @param role the role
 * @param region the region a sales manager or agent works in, or null
 * @param team the team, or null
 */
public record Actor(String username, Role role, String region, String team) {

	/** The actor of the current request or job, when someone is signed in. */
	public static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HasActor principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/** The actor of the current request; fails when nobody is signed in. */
	public static Actor require() {
		return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
	}

	public boolean hasRole(Role... roles) {
		for (Role candidate : roles) {
			if (this.role == candidate) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Implemented by the authenticated principal so {@link #current()} can find the
	 * actor.
	 */
	public interface HasActor {

		Actor actor();

	}

}
