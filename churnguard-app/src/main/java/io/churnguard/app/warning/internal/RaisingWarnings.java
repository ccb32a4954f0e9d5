package io.churnguard.app.warning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningRaised;
import io.churnguard.app.warning.WarningStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising warnings: one open warning per customer and cause — a more severe one upgrades
 * it in place, a same-or-milder one only refreshes its figures — nothing for a cause
 * closed within the suppression period, and every new warning routed to its owner with a
 * due date by level.
 */
@Component
class RaisingWarnings {

	private final WarningStore store;

	private final CustomerFactsStore customers;

	private final UserDirectory users;

	private final WarningSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RaisingWarnings(WarningStore store, CustomerFactsStore customers, UserDirectory users, WarningSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.customers = customers;
		this.users = users;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param candidates warnings to raise
	 * @param asOf the day the candidates' scores describe
	 * @param actor who raises ({@code scoring} or {@code realtime})
	 * @return how many were raised and upgraded
	 */
	@Transactional
	Outcome raise(List<Candidate> candidates, java.time.LocalDate asOf, String actor) {
		if (candidates.isEmpty()) {
			return new Outcome(0, 0, 0);
		}
		Map<String, CustomerFacts> facts = this.customers
			.facts(candidates.stream().map(Candidate::customerId).distinct().toList());
		RoutingPolicy routing = routing();
		Instant now = this.clock.instant();
		int raised = 0;
		int upgraded = 0;
		int suppressed = 0;
		for (Candidate candidate : candidates) {
			CustomerFacts customer = facts.get(candidate.customerId());
			if (customer == null || !customer.activeOn(asOf)) {
				continue;
			}
			Instant due = now.plus(this.settings.sla(candidate.level()));
			Optional<WarningStore.OpenWarning> open = this.store.openFor(candidate.customerId(), candidate.key());
			if (open.isPresent()) {
				if (candidate.level().isMoreSevereThan(open.get().level())) {
					this.store.upgrade(open.get().id(), candidate, now, due);
					// An upgrade changes the level only: the warning keeps its status and
					// owner.
					this.store.history(open.get().id(), now, actor, "upgraded", open.get().status(), candidate.level(),
							open.get().owner(), open.get().level() + " → " + candidate.level());
					this.events.publishEvent(new WarningRaised(open.get().id(), candidate.customerId(),
							candidate.level(), candidate.cause(), open.get().owner(), true));
					upgraded++;
				}
				else {
					this.store.refresh(open.get().id(), candidate, now);
				}
				continue;
			}
			if (this.store.closedSince(candidate.customerId(), candidate.key(),
					now.minus(this.settings.suppression()))) {
				suppressed++;
				continue;
			}
			String owner = routing.route(customer.grade(), customer.province(), customer.team(), customer.owner())
				.orElse(null);
			long id = this.store.insert(candidate, customer, owner, now, due);
			WarningStatus status = (owner != null) ? WarningStatus.ASSIGNED : WarningStatus.NEW;
			this.store.history(id, now, actor, "raised", status, candidate.level(), owner,
					(owner != null) ? "routed to " + owner : "team queue " + customer.team());
			if (owner != null) {
				routing.assigned(owner);
			}
			this.events.publishEvent(
					new WarningRaised(id, candidate.customerId(), candidate.level(), candidate.cause(), owner, false));
			raised++;
		}
		return new Outcome(raised, upgraded, suppressed);
	}

	RoutingPolicy routing() {
		return new RoutingPolicy(workers(), this.store.openLoad(), this.settings.capacity());
	}

	/** The enabled users who work warnings: retention heads, managers and agents. */
	List<io.churnguard.app.security.Actor> workers() {
		List<io.churnguard.app.security.Actor> workers = new java.util.ArrayList<>();
		for (Role role : List.of(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER, Role.AGENT)) {
			workers.addAll(this.users.withRole(role));
		}
		return workers;
	}

	/**
	 * @param raised new warnings
	 * @param upgraded open warnings whose level rose
	 * @param suppressed candidates skipped because the same cause was closed recently
	 */
	record Outcome(int raised, int upgraded, int suppressed) {
	}

}
