package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a campaign would do to one customer: the action a targeting plan chose for them
 * when one was applied, else the best-matching playbook among the campaign's (or the
 * campaign's own action and channel when none matches), and who does it. Planned for
 * control members too, so the evaluation compares treated and control customers of the
 * same channel, owner and action.
 */
final class TreatmentPlanner {

	private final Campaign campaign;

	private final List<Playbook> playbooks;

	private final TaskRouting routing;

	private final TargetingOptions options;

	private final Map<String, String> plannedActions;

	TreatmentPlanner(Campaign campaign, List<Playbook> library, TaskRouting routing) {
		this(campaign, library, routing, Map.of());
	}

	/**
	 * @param plannedActions the action an applied targeting plan chose, by customer
	 */
	TreatmentPlanner(Campaign campaign, List<Playbook> library, TaskRouting routing,
			Map<String, String> plannedActions) {
		this.campaign = campaign;
		this.playbooks = library.stream().filter(p -> campaign.playbookIds().contains(p.id())).toList();
		this.routing = routing;
		this.options = new TargetingOptions(campaign, library);
		this.plannedActions = plannedActions;
	}

	Plan plan(Candidate customer) {
		String planned = this.plannedActions.get(customer.customerId());
		TargetingOptions.Option option = (planned != null) ? this.options.get(planned) : null;
		if (option != null) {
			String owner = this.routing.route(option.ownerRole(), customer).orElse(null);
			return new Plan(owner, option.channel(), option.action(), option.playbookId(), option.cost());
		}
		Optional<Playbook> playbook = Playbook.best(this.playbooks, customer.reason(), customer.segments(),
				customer.grade());
		String role = playbook.map(Playbook::ownerRole).orElse("AGENT");
		String owner = this.routing.route(role, customer).orElse(null);
		return playbook.map(p -> new Plan(owner, p.channel(), p.action(), p.id(), p.cost()))
			.orElseGet(() -> new Plan(owner, this.campaign.channel(), this.campaign.action(), null,
					this.campaign.costPerContact()));
	}

	/**
	 * @param owner who contacts the customer, or null when nobody fits
	 * @param channel the channel
	 * @param action the action
	 * @param playbookId the playbook, or null for the campaign's default
	 * @param cost the cost of the contact
	 */
	record Plan(String owner, String channel, String action, Long playbookId, BigDecimal cost) {
	}

}
