package io.churnguard.app.security.internal;

import java.time.Clock;

import io.churnguard.app.security.AuditLog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the stateless API (HTTP Basic or API token, problem-detail errors,
 * no session, so no CSRF to defend) and the console (form login, session, CSRF, strict
 * headers). Both authenticate passwords through the same brute-force guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix lets us move to a stronger scheme without a
		// reset.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(ChurnGuardUserDetailsService users, PasswordEncoder encoder,
			LoginGuard guard, AuditLog audit) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new ProviderManager(new GuardedAuthenticationProvider(passwords, guard, audit));
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
			ChurnGuardUserDetailsService users, LoginGuard guard, AuditLog audit, Clock clock) throws Exception {
		AuthenticationEntryPoint entryPoint = ProblemResponses.entryPoint(clock);
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/docs", "/api/docs/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, guard, audit, entryPoint),
					BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(ProblemResponses.accessDenied()))
			.headers(headers -> headers.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager authenticationManager, AuditLog audit,
			UserAccounts accounts, Clock clock) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/security/users/**")
				.hasRole("ADMIN")
				.requestMatchers("/security/audit/**")
				.hasAnyRole("AUDITOR", "ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(ConsoleLoginHandlers.success(audit, accounts, clock))
				.failureHandler(ConsoleLoginHandlers.failure())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(ConsoleLoginHandlers.logout(audit)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
