package io.churnguard.app.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class ChurnGuardUserDetailsService implements UserDetailsService {

	private final UserAccounts users;

	ChurnGuardUserDetailsService(UserAccounts users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsername(username)
			.map(ChurnGuardUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

}
