package io.churnguard.app.warning.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.UserDirectory;
import io.churnguard.app.warning.WarningRaised;
import io.churnguard.app.warning.WarningsRaised;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising warnings: one open warning per customer and cause — a more severe one upgrades
 * it in place, a same-or-milder one only refreshes its figures — nothing for a cause
 * closed within the suppression period, and every new warning routed to its owner with a
 * due date by level. The warnings of a whole batch of candidates are read and written
 * together (see {@link WarningChanges}).
 */
@Component
class RaisingWarnings {

	private final WarningStore store;

	private final UserDirectory users;

	private final WarningSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final WarningAccess access;

	RaisingWarnings(WarningStore store, UserDirectory users, WarningSettings settings, ApplicationEventPublisher events,
			WarningAccess access, Clock clock) {
		this.store = store;
		this.users = users;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.access = access;
	}

	/**
	 * @param candidates warnings to raise, in order: a later candidate for the same
	 * customer and cause meets the warning an earlier one raised or upgraded
	 * @param customers the candidates' customers (those missing, or no longer active on
	 * the scored day, get no warnings)
	 * @param asOf the day the candidates' scores describe
	 * @param actor who raises ({@code scoring} or {@code realtime})
	 * @return how many were raised and upgraded
	 */
	@Transactional
	Outcome raise(List<Candidate> candidates, Map<String, CustomerFacts> customers, LocalDate asOf, String actor) {
		return raise(candidates, customers, asOf, actor, Explainer.NONE);
	}

	/**
	 * As above, for candidates some of which come without reasons (real-time rescoring
	 * explains only what a change needs): those that raise or upgrade a warning are
	 * explained, all in one call, before anything is written.
	 * @param explainer explains the model candidates of the customers given
	 */
	@Transactional
	Outcome raise(List<Candidate> candidates, Map<String, CustomerFacts> customers, LocalDate asOf, String actor,
			Explainer explainer) {
		List<Candidate> eligible = new ArrayList<>(candidates.size());
		for (Candidate candidate : candidates) {
			CustomerFacts customer = customers.get(candidate.customerId());
			if (customer != null && customer.activeOn(asOf)) {
				eligible.add(candidate);
			}
		}
		if (eligible.isEmpty()) {
			return new Outcome(0, 0, 0);
		}
		Instant now = this.clock.instant();
		Map<WarningKey, WarningStore.OpenWarning> open = this.store
			.open(eligible.stream().map(Candidate::customerId).distinct().toList());
		// Suppression matters only where no warning is open.
		List<String> withoutOpen = eligible.stream()
			.filter(candidate -> !open.containsKey(WarningKey.of(candidate)))
			.map(Candidate::customerId)
			.distinct()
			.toList();
		Set<WarningKey> closedRecently = this.store.closedSince(withoutOpen, now.minus(this.settings.suppression()));
		WarningChanges changes = new WarningChanges(open, closedRecently, this::routing, this.settings::sla, now);
		for (Candidate candidate : eligible) {
			changes.add(candidate, customers.get(candidate.customerId()));
		}
		List<WarningChanges.Touched> unexplained = changes.unexplained();
		if (!unexplained.isEmpty()) {
			Map<String, List<Candidate.Reason>> reasons = explainer
				.reasons(unexplained.stream().map(w -> w.latest().customerId()).distinct().toList());
			unexplained.forEach(w -> w.explained(reasons.getOrDefault(w.latest().customerId(), List.of())));
		}
		this.store.identify(changes.raised());
		this.store.insert(changes.raised(), now);
		this.access.raised(changes.raised());
		this.store.update(changes.changed(), now);
		this.store.history(changes.steps(), now, actor);
		List<WarningRaised> announcements = changes.steps().stream().map(WarningChanges.Step::announcement).toList();
		if (announcements.size() > WarningsRaised.MAX) {
			// Several chunks: each owner's warnings together (a stable sort keeps a
			// warning's own steps in order), so that an owner's summary notifications
			// come one per chunk their warnings span, not one per chunk of the run.
			announcements = announcements.stream()
				.sorted(Comparator.comparing(WarningRaised::owner, Comparator.nullsLast(Comparator.naturalOrder())))
				.toList();
		}
		for (int from = 0; from < announcements.size(); from += WarningsRaised.MAX) {
			this.events.publishEvent(new WarningsRaised(
					announcements.subList(from, Math.min(announcements.size(), from + WarningsRaised.MAX))));
		}
		return new Outcome(changes.raised().size(), changes.upgrades(), changes.suppressed());
	}

	/** Explains model candidates scored without reasons. */
	@FunctionalInterface
	interface Explainer {

		/** For candidates that all carry their reasons. */
		Explainer NONE = customerIds -> {
			throw new IllegalStateException("a warning to raise or upgrade came without reasons");
		};

		/**
		 * @param customerIds customers whose model candidates need reasons
		 * @return their reasons by customer
		 */
		Map<String, List<Candidate.Reason>> reasons(List<String> customerIds);

	}

	RoutingPolicy routing() {
		List<Actor> workers = workers();
		int capacity = this.settings.capacity();
		return new RoutingPolicy(workers, this.store.openLoad(workers.stream().map(Actor::username).toList(), capacity),
				capacity);
	}

	/** The enabled users who work warnings: retention heads, managers and agents. */
	List<Actor> workers() {
		return this.users.workers();
	}

	/**
	 * @param raised new warnings
	 * @param upgraded open warnings whose level rose
	 * @param suppressed candidates skipped because the same cause was closed recently
	 */
	record Outcome(int raised, int upgraded, int suppressed) {
	}

}
