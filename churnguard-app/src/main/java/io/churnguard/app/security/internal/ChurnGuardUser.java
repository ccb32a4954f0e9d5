package io.churnguard.app.security.internal;

import java.util.Collection;
import java.util.List;

import io.churnguard.app.security.Actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: Spring Security's view of a user, carrying the actor. */
final class ChurnGuardUser implements UserDetails, Actor.HasActor {

	private final UserAccount account;

	ChurnGuardUser(UserAccount account) {
		this.account = account;
	}

	@Override
	public Actor actor() {
		return this.account.actor();
	}

	String displayName() {
		return this.account.displayName();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.account.role().authority()));
	}

	@Override
	public String getPassword() {
		return this.account.passwordHash();
	}

	@Override
	public String getUsername() {
		return this.account.username();
	}

	@Override
	public boolean isEnabled() {
		return this.account.enabled();
	}

}
