package io.churnguard.app.security.internal;

import java.util.List;
import java.util.Optional;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;

import org.springframework.stereotype.Component;

@Component
class DefaultUserDirectory implements UserDirectory {

	private final UserAccounts accounts;

	private final UserAdministration administration;

	DefaultUserDirectory(UserAccounts accounts, UserAdministration administration) {
		this.accounts = accounts;
		this.administration = administration;
	}

	@Override
	public Optional<Actor> find(String username) {
		return this.accounts.findByUsername(username).map(UserAccount::actor);
	}

	@Override
	public Optional<String> emailOf(String username) {
		return this.accounts.findByUsername(username)
			.filter(UserAccount::enabled)
			.map(UserAccount::email)
			.filter(email -> !email.isBlank());
	}

	@Override
	public List<Actor> withRole(Role role) {
		return this.accounts.findAll()
			.stream()
			.filter(account -> account.enabled() && account.role() == role)
			.map(UserAccount::actor)
			.toList();
	}

	@Override
	public List<Actor> workers() {
		List<UserAccount> all = this.accounts.findAll();
		List<Actor> workers = new java.util.ArrayList<>();
		for (Role role : List.of(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER, Role.AGENT)) {
			all.stream()
				.filter(account -> account.enabled() && account.role() == role)
				.map(UserAccount::actor)
				.forEach(workers::add);
		}
		return workers;
	}

	@Override
	public String create(String username, String displayName, Role role, String region, String team, String email) {
		return this.administration.create(new NewUser(username, displayName, role, region, team, email, null))
			.initialPassword();
	}

}
