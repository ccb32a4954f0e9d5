package io.churnguard.app.warning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningRaised;
import io.churnguard.app.warning.WarningStatus;

/**
 * What one call of raising does to the warnings, decided in memory candidate by
 * candidate, in the candidates' order, against the open warnings and the recently closed
 * keys read up front — so that the tables are read in two queries and written in a few
 * batches, instead of four statements per candidate.
 * <p>
 * A candidate meets what earlier candidates of the same call did to its key (the warning
 * one raised, the level one upgraded to) just as it would meet it in the database one
 * call later: two candidates for one customer and cause raise one warning, and upgrade or
 * refresh it. Each warning touched is written once, in its final state.
 */
final class WarningChanges {

	private final Map<WarningKey, WarningStore.OpenWarning> open;

	private final Set<WarningKey> closedRecently;

	private final Supplier<RoutingPolicy> routingSource;

	private final Function<WarningLevel, Duration> sla;

	private final Instant now;

	private final Map<WarningKey, Touched> touched = new HashMap<>();

	private final List<Touched> raised = new ArrayList<>();

	private final List<Touched> changed = new ArrayList<>();

	private final List<Step> steps = new ArrayList<>();

	private RoutingPolicy routing;

	private int upgrades;

	private int suppressed;

	/**
	 * @param open the open warnings of the candidates' customers, by key
	 * @param closedRecently keys with a warning closed within the suppression period
	 * @param routingSource the routing of new warnings, asked for only when one is raised
	 * (it reads every user's load)
	 * @param sla the time to work a warning of each level
	 * @param now when the warnings are raised
	 */
	WarningChanges(Map<WarningKey, WarningStore.OpenWarning> open, Set<WarningKey> closedRecently,
			Supplier<RoutingPolicy> routingSource, Function<WarningLevel, Duration> sla, Instant now) {
		this.open = open;
		this.closedRecently = closedRecently;
		this.routingSource = routingSource;
		this.sla = sla;
		this.now = now;
	}

	/**
	 * Raises, upgrades, refreshes or suppresses one candidate.
	 * @param candidate the candidate
	 * @param customer its customer, active on the scored day
	 */
	void add(Candidate candidate, CustomerFacts customer) {
		WarningKey key = WarningKey.of(candidate);
		Instant due = this.now.plus(this.sla.apply(candidate.level()));
		Touched warning = this.touched.get(key);
		if (warning == null && this.open.containsKey(key)) {
			warning = new Touched(this.open.get(key));
			this.touched.put(key, warning);
			this.changed.add(warning);
		}
		if (warning != null) {
			if (candidate.level().isMoreSevereThan(warning.level)) {
				WarningLevel before = warning.level;
				warning.upgrade(candidate, due);
				// An upgrade changes the level only: the warning keeps its status and
				// owner.
				this.steps.add(new Step(warning, candidate, "upgraded", candidate.level(),
						before + " → " + candidate.level()));
				this.upgrades++;
			}
			else {
				warning.refresh(candidate);
			}
			return;
		}
		if (this.closedRecently.contains(key)) {
			this.suppressed++;
			return;
		}
		if (this.routing == null) {
			this.routing = this.routingSource.get();
		}
		String owner = this.routing.route(customer.grade(), customer.province(), customer.team(), customer.owner())
			.orElse(null);
		if (owner != null) {
			this.routing.assigned(owner);
		}
		warning = new Touched(candidate, customer, owner, due);
		this.touched.put(key, warning);
		this.raised.add(warning);
		this.steps.add(new Step(warning, candidate, "raised", candidate.level(),
				(owner != null) ? "routed to " + owner : "team queue " + customer.team()));
	}

	/** The new warnings, in the order raised; each needs an id before it is written. */
	List<Touched> raised() {
		return this.raised;
	}

	/** The open warnings read up front that this call upgraded or refreshed. */
	List<Touched> changed() {
		return this.changed;
	}

	/** What happened, in order: one history row and one announcement each. */
	List<Step> steps() {
		return this.steps;
	}

	/**
	 * The warnings this call raised or upgraded from a candidate without reasons: their
	 * content must say why, so these are explained before they are written.
	 */
	List<Touched> unexplained() {
		List<Touched> unexplained = new ArrayList<>();
		for (Touched warning : this.touched.values()) {
			if ((warning.isNew || warning.levelRose) && warning.latest.reasons() == null) {
				unexplained.add(warning);
			}
		}
		return unexplained;
	}

	int upgrades() {
		return this.upgrades;
	}

	int suppressed() {
		return this.suppressed;
	}

	/**
	 * One warning as this call leaves it: a new one with everything it is inserted with,
	 * or an open one with what an update sets.
	 */
	static final class Touched {

		private long id;

		private final boolean isNew;

		private final Candidate first;

		private final CustomerFacts customer;

		private final WarningStatus status;

		private final String owner;

		private WarningLevel level;

		private boolean levelRose;

		private Candidate latest;

		private String action;

		private Instant due;

		/** A new warning. */
		Touched(Candidate candidate, CustomerFacts customer, String owner, Instant due) {
			this.isNew = true;
			this.first = candidate;
			this.customer = customer;
			this.owner = owner;
			this.status = (owner != null) ? WarningStatus.ASSIGNED : WarningStatus.NEW;
			this.level = candidate.level();
			this.latest = candidate;
			this.action = candidate.action();
			this.due = due;
		}

		/** An open warning read from the database, unchanged so far. */
		Touched(WarningStore.OpenWarning open) {
			this.id = open.id();
			this.isNew = false;
			this.first = null;
			this.customer = null;
			this.owner = open.owner();
			this.status = open.status();
			this.level = open.level();
		}

		/**
		 * A more severe candidate: its level and figures, its action unless it has none,
		 * and the earlier of the two due dates.
		 */
		void upgrade(Candidate candidate, Instant newDue) {
			this.level = candidate.level();
			this.levelRose = true;
			this.latest = candidate;
			if (candidate.action() != null) {
				this.action = candidate.action();
			}
			if (this.due == null || newDue.isBefore(this.due)) {
				this.due = newDue;
			}
		}

		/** A same-or-milder candidate: its figures only. */
		void refresh(Candidate candidate) {
			this.latest = candidate;
		}

		/** Gives the latest candidate the reasons explained for it. */
		void explained(List<Candidate.Reason> reasons) {
			this.latest = this.latest.withReasons(reasons);
		}

		void identify(long id) {
			this.id = id;
		}

		long id() {
			return this.id;
		}

		boolean isNew() {
			return this.isNew;
		}

		/** The candidate that raised a new warning (null for an open one). */
		Candidate first() {
			return this.first;
		}

		/** The customer of a new warning (null for an open one). */
		CustomerFacts customer() {
			return this.customer;
		}

		WarningStatus status() {
			return this.status;
		}

		String owner() {
			return this.owner;
		}

		WarningLevel level() {
			return this.level;
		}

		/** Whether an open warning's level rose in this call. */
		boolean levelRose() {
			return this.levelRose;
		}

		/** The candidate whose score the warning now carries. */
		Candidate latest() {
			return this.latest;
		}

		/**
		 * A new warning's action; for an open one, the action of its latest upgrade with
		 * one, or null to keep its own.
		 */
		String action() {
			return this.action;
		}

		/**
		 * A new warning's due date; for an open one, the earliest due date its upgrades
		 * asked for, or null to keep its own.
		 */
		Instant due() {
			return this.due;
		}

	}

	/**
	 * A warning raised or upgraded: written to its history and announced.
	 *
	 * @param warning the warning
	 * @param candidate the candidate that raised or upgraded it
	 * @param action {@code raised} or {@code upgraded}
	 * @param level its level after the step
	 * @param note the history's note
	 */
	record Step(Touched warning, Candidate candidate, String action, WarningLevel level, String note) {

		WarningRaised announcement() {
			return new WarningRaised(this.warning.id(), this.candidate.customerId(), this.level, this.candidate.cause(),
					this.warning.owner(), "upgraded".equals(this.action));
		}

	}

}
