package io.churnguard.ml.sim;

import static io.churnguard.ml.sim.CustomerProfile.NO_DAY;

import java.nio.charset.StandardCharsets;

/**
 * Simulates one customer at a time, from joining (or day 0) to churn or the horizon, and
 * writes their archive row, their events and their ground truth. One instance per worker
 * thread; it reuses its buffers from customer to customer.
 * <p>
 * Each week the hidden state steps forward on the customer's latent stream, the daily
 * hazard (times any treatment's multiplier) accumulates until it reaches the customer's
 * churn threshold, and the week's events are drawn on the render stream. Nothing a
 * treatment does reaches any stream before the treatment's day.
 */
final class CustomerSimulation {

	static final byte[] CUSTOMERS_HEADER = ("customer_id,name,gender,birth_year,phone,email,id_card,province,city,team,"
			+ "channel,plan,monthly_fee,join_date,contract_end_date,group_account,owner,status,churn_date,churn_reason\n")
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] TRUTH_HEADER;

	static {
		StringBuilder header = new StringBuilder(
				"customer_id,churn_date,monthly_churn_probability,churn_probability_90d,segment");
		for (RetentionAction action : RetentionAction.values()) {
			header.append(",effect_").append(action.code());
		}
		TRUTH_HEADER = header.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static final double DAYS_PER_MONTH = 30.4375;

	private final SimulationSetup setup;

	private final Rng rng = new Rng();

	private final CustomerProfile profile = new CustomerProfile();

	private final LatentState state = new LatentState();

	private final PendingEvents pending = new PendingEvents();

	private final CustomerTreatments treatments = new CustomerTreatments();

	private final EventRenderer renderer;

	private final EventRowWriter events;

	private final TruthProjection truth = new TruthProjection();

	private final byte[][] channelFields;

	private final byte[][] segmentFields;

	// What happened to the last customer.

	boolean churnedInWindow;

	long riskDaysInWindow;

	int treatmentsApplied;

	CustomerSimulation(SimulationSetup setup) {
		this.setup = setup;
		this.renderer = EventRenderer.of(setup.catalog, setup.calendar);
		this.events = new EventRowWriter(setup.calendar, setup.windowStartDay);
		this.channelFields = new byte[setup.catalog.channels.length][];
		for (int i = 0; i < this.channelFields.length; i++) {
			this.channelFields[i] = CsvBuffer.utf8Field(setup.catalog.channels[i]);
		}
		UpliftSegment[] segments = UpliftSegment.values();
		this.segmentFields = new byte[segments.length][];
		for (UpliftSegment segment : segments) {
			this.segmentFields[segment.ordinal()] = Plan.utf8(segment.code());
		}
	}

	/** Events written since the counter was last reset. */
	long eventsWritten() {
		return this.events.written();
	}

	void resetEventCount() {
		this.events.resetCount();
	}

	void simulate(int index, CsvBuffer customersOut, CsvBuffer eventsOut, CsvBuffer truthOut) {
		SimulationSetup s = this.setup;
		CustomerProfile p = this.profile;
		LatentState state = this.state;
		Rng rng = this.rng;
		s.factory.create(index, rng, p);
		s.treatments.load(index, this.treatments);
		this.treatments.dropBefore(Math.max(0, p.joinDay));
		this.renderer.beginCustomer();
		this.pending.clear();
		this.events.begin(p.idField, eventsOut);
		rng.reseed(Rng.streamSeed(s.seed, index, Streams.START, 0));
		s.model.start(p, state, rng);

		int horizon = s.horizonDays;
		int first = Math.max(0, p.joinDay);
		double cumulativeHazard = 0;
		long riskDays = 0;
		long riskDaysInWindow = 0;
		int churnDay = -1;
		int churnSecond = 0;
		String churnSubtype = null;
		int applied = 0;
		int nextTreatment = 0;
		for (int week = first / 7; week * 7 < horizon; week++) {
			int from = Math.max(week * 7, first);
			int to = Math.min(week * 7 + 7, horizon);
			rng.reseed(Rng.streamSeed(s.seed, index, Streams.LATENT, week));
			s.model.step(p, state, week, rng);
			double daily = s.hazardScale * state.dailyHazard;
			for (int day = from; day < to; day++) {
				double hazard = this.treatments.activeOn(day) ? daily * DeterministicMath
					.exp(this.treatments.logMultiplier(p, day) * BehaviourModel.responsiveness(state)) : daily;
				cumulativeHazard += hazard;
				riskDays++;
				if (day >= s.windowStartDay) {
					riskDaysInWindow++;
				}
				if (cumulativeHazard >= p.churnThreshold) {
					churnDay = day;
					break;
				}
			}
			if (churnDay >= 0) {
				rng.reseed(Rng.streamSeed(s.seed, index, Streams.CHURN, 0));
				churnSecond = 9 * 3600 + rng.nextInt(12 * 3600);
			}
			rng.reseed(Rng.streamSeed(s.seed, index, Streams.RENDER, week));
			this.renderer.renderWeek(p, state, from, to, churnDay, churnSecond, this.treatments, rng, this.pending);
			for (; nextTreatment < this.treatments.size() && this.treatments.day(nextTreatment) < to; nextTreatment++) {
				int day = this.treatments.day(nextTreatment);
				if (churnDay < 0 || day <= churnDay) {
					rng.reseed(Rng.streamSeed(s.seed, index, Streams.TREATMENT, day));
					this.renderer.renderTreatment(this.treatments.action(nextTreatment), day, rng, this.pending);
					applied += (day >= s.windowStartDay) ? 1 : 0;
				}
			}
			if (churnDay >= 0) {
				rng.reseed(Rng.streamSeed(s.seed, index, Streams.CHURN, 1));
				churnSubtype = this.renderer.renderChurn(p, state, churnDay, churnSecond, rng, this.pending);
				this.pending.flushThrough(churnDay, churnSecond, this.events);
				break;
			}
			this.pending.flushBefore(to, this.events);
		}
		this.pending.clear();
		this.churnedInWindow = churnDay >= s.windowStartDay;
		this.riskDaysInWindow = riskDaysInWindow;
		this.treatmentsApplied = applied;

		writeCustomer(p, state, churnDay, churnSubtype, customersOut);
		double monthly = (riskDays > 0) ? 1 - DeterministicMath.exp(-cumulativeHazard / riskDays * DAYS_PER_MONTH) : 0;
		if (churnDay < 0) {
			this.truth.project(p, state, this.treatments, s.model, s.hazardScale, s.seed, horizon, rng);
		}
		writeTruth(p, churnDay, monthly, truthOut);
	}

	private void writeCustomer(CustomerProfile p, LatentState state, int churnDay, String churnSubtype, CsvBuffer out) {
		SimCalendar calendar = this.setup.calendar;
		Plan plan = this.setup.catalog.plans[state.plan];
		out.bytes(p.idField).comma().text(p.name).comma().ascii(p.male ? 'M' : 'F').comma();
		out.integer(p.birthYear).comma().text(p.phone).comma().text(p.email).comma().text(p.idCard).comma();
		out.text(p.province.name()).comma().text(p.city).comma().text(p.province.team(p.agent)).comma();
		out.bytes(this.channelFields[p.channel]).comma().bytes(plan.nameField()).comma();
		out.fixed(plan.monthlyFee(), 2).comma();
		calendar.writeDate(out, p.joinDay);
		out.comma();
		int contractEnd = (state.contractEndDay != NO_DAY) ? state.contractEndDay : state.lapsedDay;
		if (contractEnd != NO_DAY) {
			calendar.writeDate(out, contractEnd);
		}
		out.comma().text(p.group ? "true" : "false").comma().text(p.province.owner(p.agent)).comma();
		if (churnDay >= 0) {
			out.text("churned").comma();
			calendar.writeDate(out, churnDay);
			out.comma().text(churnSubtype);
		}
		else {
			out.text("active").comma().comma();
		}
		out.newline();
	}

	private void writeTruth(CustomerProfile p, int churnDay, double monthly, CsvBuffer out) {
		out.bytes(p.idField).comma();
		if (churnDay >= 0) {
			this.setup.calendar.writeDate(out, churnDay);
		}
		out.comma().fixed(monthly, 6).comma();
		if (churnDay < 0) {
			out.fixed(this.truth.baseline, 6);
		}
		out.comma().bytes(this.segmentFields[p.segment.ordinal()]);
		for (int a = 0; a < this.truth.effects.length; a++) {
			out.comma();
			if (churnDay < 0) {
				out.fixed(this.truth.effects[a], 6);
			}
		}
		out.newline();
	}

}
