package io.churnguard.app.security.internal;

import java.util.Set;

import io.churnguard.app.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The security pages in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class SecurityNavigation {

	@Bean
	NavigationItem usersNavigation() {
		return new NavigationItem("security", "nav.users", "/security/users", 10, Set.of("ADMIN"));
	}

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem("security", "nav.audit", "/security/audit", 20, Set.of("AUDITOR", "ADMIN"));
	}

}
