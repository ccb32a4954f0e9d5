package io.churnguard.app.customer;

import java.util.Locale;
import java.util.Optional;

import io.churnguard.app.security.Actor;

/**
 * A part of the customer 360 view (客户画像) contributed by another module — the event
 * timeline, features, risk, warnings, campaigns — so the archive needs to know none of
 * them. The archive checks the customer's scope before asking a section for its content.
 */
public interface CustomerProfileSection {

	/** The section's key in the API's {@code sections} object, e.g. {@code timeline}. */
	String key();

	/** Position on the page. */
	int order();

	/**
	 * The Thymeleaf fragment that renders the section, e.g.
	 * {@code event/timeline :: section}; it finds the content in the variable
	 * {@code section}.
	 */
	String fragment();

	/**
	 * @param customerId a customer the actor may see
	 * @param actor who is looking
	 * @param locale the reader's language
	 * @return the content, serialisable to JSON; empty to leave the section out
	 */
	Optional<Object> content(String customerId, Actor actor, Locale locale);

}
