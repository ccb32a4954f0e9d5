package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The actions a campaign can take, each with the channel, cost and role that carry it
 * out: the campaign's own default action, then the enabled playbooks it names (the lowest
 * id for an action several playbooks share). Targeting prices contacts with them, and a
 * launch plans the action a targeting plan chose with the same option — so the cost the
 * plan spent is the cost the tasks carry.
 */
final class TargetingOptions {

	private final Map<String, Option> byAction = new LinkedHashMap<>();

	TargetingOptions(Campaign campaign, java.util.List<Playbook> library) {
		this.byAction.put(campaign.action(),
				new Option(campaign.action(), campaign.channel(), campaign.costPerContact(), null, "AGENT"));
		library.stream()
			.filter(p -> p.enabled() && campaign.playbookIds().contains(p.id()))
			.sorted(Comparator.comparingLong(Playbook::id))
			.forEach(p -> this.byAction.putIfAbsent(p.action(),
					new Option(p.action(), p.channel(), p.cost(), p.id(), p.ownerRole())));
	}

	Map<String, Option> all() {
		return this.byAction;
	}

	Option get(String action) {
		return this.byAction.get(action);
	}

	/** The cost of each action, as the targeting policies take it. */
	Map<String, Double> costs() {
		Map<String, Double> costs = new LinkedHashMap<>();
		this.byAction.forEach((action, option) -> costs.put(action, option.cost().doubleValue()));
		return costs;
	}

	/**
	 * @param action the action code
	 * @param channel its channel
	 * @param cost the cost of one contact
	 * @param playbookId the playbook, or null for the campaign's default
	 * @param ownerRole the role that carries it out
	 */
	record Option(String action, String channel, BigDecimal cost, Long playbookId, String ownerRole) {
	}

}
