package io.churnguard.app.warning.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.churnguard.app.customer.CustomerProfileSection;
import io.churnguard.app.security.Actor;

import org.springframework.stereotype.Component;

/** The customer 360's warnings: open ones first, then recent closed ones. */
@Component
class WarningsSection implements CustomerProfileSection {

	private final WarningQueries queries;

	WarningsSection(WarningQueries queries) {
		this.queries = queries;
	}

	@Override
	public String key() {
		return "warnings";
	}

	@Override
	public int order() {
		return 6;
	}

	@Override
	public String fragment() {
		return "warning/section :: section";
	}

	@Override
	public Optional<Object> content(String customerId, Actor actor, Locale locale) {
		List<WarningView> warnings = this.queries.openFor(customerId);
		return warnings.isEmpty() ? Optional.empty() : Optional.of(warnings);
	}

}
