package io.churnguard.app.scoring.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.churnguard.app.customer.CustomerProfileSection;
import io.churnguard.app.scoring.CustomerScore;
import io.churnguard.app.scoring.Scores;
import io.churnguard.app.security.Actor;

import org.springframework.stereotype.Component;

/**
 * The customer 360's risk: the latest score, its reasons in the reader's language, and
 * the trend.
 */
@Component
class RiskSection implements CustomerProfileSection {

	private final Scores scores;

	RiskSection(Scores scores) {
		this.scores = scores;
	}

	@Override
	public String key() {
		return "risk";
	}

	@Override
	public int order() {
		return 5;
	}

	@Override
	public String fragment() {
		return "scoring/risk :: section";
	}

	@Override
	public Optional<Object> content(String customerId, Actor actor, Locale locale) {
		return this.scores.latest(customerId).map(latest -> {
			boolean chinese = "zh".equals(locale.getLanguage());
			List<String> reasons = latest.reasons().stream().map(r -> chinese ? r.zh() : r.en()).toList();
			List<CustomerScore> history = this.scores.history(customerId, 12);
			return new Risk(latest, reasons, history);
		});
	}

	/**
	 * @param latest the latest score
	 * @param reasons its reasons in the reader's language
	 * @param history the latest twelve scores, newest first
	 */
	record Risk(CustomerScore latest, List<String> reasons, List<CustomerScore> history) {
	}

}
