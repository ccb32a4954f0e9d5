package io.churnguard.ml.sim;

import static io.churnguard.ml.sim.CustomerProfile.NO_DAY;

import io.churnguard.ml.event.EventType;

/**
 * Turns a customer's hidden week into observable events: what a preset's systems would
 * record. The hidden state shows through noisily: dissatisfaction and intent lower usage
 * and digital activity and raise complaints and service contacts; price sensitivity shows
 * in billing complaints and downgrades; intent in port-out inquiries.
 * <p>
 * A renderer draws the same random numbers for a week whether or not and whenever the
 * customer churns in it; events after a churn are dropped later. That keeps everything
 * before a treatment's day unchanged by the treatment.
 */
abstract class EventRenderer {

	static final double NONE = Double.NaN;

	static final byte[] VOICE = Plan.utf8("voice");

	static final byte[] DATA = Plan.utf8("data");

	static final byte[] SESSION = Plan.utf8("session");

	static final byte[] MONTHLY = Plan.utf8("monthly");

	static final byte[][] PAYMENT_KINDS = { Plan.utf8("on_time"), Plan.utf8("late"), Plan.utf8("overdue") };

	static final byte[] PURCHASE = Plan.utf8("purchase");

	static final byte[] DEVICE = Plan.utf8("device");

	static final byte[] ADD_ON = Plan.utf8("add_on");

	static final byte[] TRANSFER = Plan.utf8("transfer");

	static final byte[] DEPOSIT = Plan.utf8("deposit");

	static final byte[] WITHDRAWAL = Plan.utf8("withdrawal");

	static final byte[] HOTLINE = Plan.utf8("hotline");

	static final byte[] STORE = Plan.utf8("store");

	static final byte[] ONLINE_CHAT = Plan.utf8("online_chat");

	static final byte[] OUTBOUND_CALL = Plan.utf8("outbound_call");

	static final byte[] LOGIN = Plan.utf8("login");

	static final byte[] BROWSE = Plan.utf8("browse");

	static final byte[] SEARCH = Plan.utf8("search");

	static final byte[] CLICK = Plan.utf8("click");

	static final byte[] FAVOURITE = Plan.utf8("favourite");

	static final byte[] UPGRADE = Plan.utf8("upgrade");

	static final byte[] DOWNGRADE = Plan.utf8("downgrade");

	static final byte[] RENEWAL = Plan.utf8("renewal");

	static final byte[] LOYALTY_POINTS = Plan.utf8("loyalty_points");

	private static final byte[][] TREATMENT_TOPICS = { AttributeJson.field("topic", "客户关怀回访"),
			AttributeJson.field("topic", "资费优惠活动"), AttributeJson.field("topic", "套餐升级推荐"),
			AttributeJson.field("reason", "客户关怀积分赠送") };

	protected final PresetCatalog catalog;

	protected final SimCalendar calendar;

	private final byte[][][] planChanges;

	EventRenderer(PresetCatalog catalog, SimCalendar calendar) {
		this.catalog = catalog;
		this.calendar = calendar;
		int plans = catalog.plans.length;
		this.planChanges = new byte[plans][plans][];
		for (int from = 0; from < plans; from++) {
			for (int to = 0; to < plans; to++) {
				this.planChanges[from][to] = AttributeJson.field("from_plan", catalog.plans[from].name(), "to_plan",
						catalog.plans[to].name());
			}
		}
	}

	static EventRenderer of(PresetCatalog catalog, SimCalendar calendar) {
		return switch (catalog.preset) {
			case TELECOM -> new TelecomRenderer(catalog, calendar);
			case BANK -> new BankRenderer(catalog, calendar);
			case SUBSCRIPTION -> new SubscriptionRenderer(catalog, calendar);
		};
	}

	/** Called when a new customer begins, to reset per-customer running figures. */
	void beginCustomer() {
	}

	/**
	 * Draws the events of one week.
	 * @param from the first day of the week the customer is a customer
	 * @param to the day after the week
	 * @param churnDay the day the customer churns in this week, or -1
	 * @param churnSecond the second of that day
	 */
	final void renderWeek(CustomerProfile p, LatentState s, int from, int to, int churnDay, int churnSecond,
			CustomerTreatments treatments, Rng rng, PendingEvents out) {
		double activity = activity(s);
		double fraction = (churnDay >= 0) ? (churnDay - from + 1) / (double) (to - from) : 1.0;
		fraction *= (to - from) / 7.0;
		// Weekly aggregates are stamped at the end of the week, or just before the churn.
		int aggregateOffset = rng.nextInt(3600);
		int aggregateDay = (churnDay >= 0) ? churnDay : to - 1;
		int aggregateSecond = (churnDay >= 0) ? Math.max(0, churnSecond - 60 - aggregateOffset)
				: 23 * 3600 + aggregateOffset;
		renderUsage(p, s, from, to, aggregateDay, aggregateSecond, activity, fraction, rng, out);
		renderDigital(p, s, from, to, activity, rng, out);
		renderComplaintsAndContacts(p, s, from, to, rng, out);
		if (s.billDay >= 0) {
			renderBill(p, s, treatments.discountOn(s.billDay), rng, out);
		}
		if (s.planChange != 0) {
			int second = 9 * 3600 + rng.nextInt(10 * 3600);
			out.add(s.billDay, second, EventType.PLAN_CHANGE, (s.planChange > 0) ? UPGRADE : DOWNGRADE,
					this.catalog.plans[s.plan].monthlyFee(), NONE, 0, this.planChanges[s.planBefore][s.plan]);
		}
		if (s.renewalDay >= 0) {
			int second = 9 * 3600 + rng.nextInt(10 * 3600);
			Plan plan = this.catalog.plans[s.plan];
			byte[] attributes = AttributeJson.field("from_plan", plan.name(), "to_plan", plan.name(), "contract_end",
					this.calendar.date(s.contractEndDay).toString());
			out.add(s.renewalDay, second, EventType.PLAN_CHANGE, RENEWAL, plan.monthlyFee(), NONE, 0, attributes);
		}
	}

	/**
	 * How active the customer is this week: less when dissatisfied, fading with intent.
	 */
	static double activity(LatentState s) {
		double activity = DeterministicMath.exp(-0.4 * s.dissatisfaction);
		if (s.intent) {
			activity *= 0.85 * DeterministicMath.exp(-0.1 * Math.min(s.intentWeeks, 8));
		}
		return activity;
	}

	abstract void renderUsage(CustomerProfile p, LatentState s, int from, int to, int aggregateDay, int aggregateSecond,
			double activity, double fraction, Rng rng, PendingEvents out);

	abstract void renderDigital(CustomerProfile p, LatentState s, int from, int to, double activity, Rng rng,
			PendingEvents out);

	/** The amount of this week's bill or statement. */
	abstract double billAmount(CustomerProfile p, LatentState s, boolean discounted, Rng rng);

	/**
	 * Draws the churn event, and anything the customer does on the way out.
	 * @return the churn event's subtype, e.g. {@code port_out}
	 */
	abstract String renderChurn(CustomerProfile p, LatentState s, int day, int second, Rng rng, PendingEvents out);

	private void renderBill(CustomerProfile p, LatentState s, boolean discounted, Rng rng, PendingEvents out) {
		double amount = billAmount(p, s, discounted, rng);
		byte[] period = this.calendar.periodField(s.billDay);
		out.add(s.billDay, 2 * 3600 + rng.nextInt(4 * 3600), EventType.BILL, MONTHLY, amount, NONE, 0, period);
		int payDay = s.billDay + s.paymentDelay;
		int second = daytimeSecond(rng);
		switch (s.paymentOutcome) {
			case LatentState.ON_TIME ->
				out.add(payDay, second, EventType.PAYMENT, PAYMENT_KINDS[0], amount, 0, 0, period);
			case LatentState.LATE ->
				out.add(payDay, second, EventType.PAYMENT, PAYMENT_KINDS[1], amount, s.paymentDelay - 20, 0, period);
			default -> out.add(payDay, second, EventType.PAYMENT, PAYMENT_KINDS[2], 0, s.paymentDelay - 20, 0, period);
		}
	}

	private void renderComplaintsAndContacts(CustomerProfile p, LatentState s, int from, int to, Rng rng,
			PendingEvents out) {
		PresetCatalog c = this.catalog;
		double d = s.dissatisfaction;
		double ps = p.priceSensitivity;
		double rate = c.complaintRate * p.complaintProneness * DeterministicMath.exp(1.2 * d) * (s.intent ? 1.5 : 1)
				+ (s.qualityIssue ? 0.3 : 0) + (s.billShock ? 0.25 * (0.5 + ps) : 0);
		int complaints = rng.poisson(rate);
		int span = to - from;
		for (int i = 0; i < complaints; i++) {
			int category;
			double u = rng.nextDouble();
			if (s.qualityIssue && u < 0.6) {
				category = PresetCatalog.NETWORK;
			}
			else if (s.billShock && u < 0.7) {
				category = PresetCatalog.BILLING;
			}
			else {
				category = pickCategory(rng.nextDouble() * (0.95 + 0.5 * ps), ps);
			}
			byte[][] texts = c.complaints[category];
			int day = from + rng.nextInt(span);
			int second = daytimeSecond(rng);
			out.add(day, second, EventType.COMPLAINT, c.categorySubtypes[category], NONE, NONE, 0,
					texts[rng.nextInt(texts.length)]);
			if (rng.chance(0.5)) {
				out.add(day, Math.min(second + 1, 86_399), EventType.CONTACT, HOTLINE, NONE, duration(rng), 1,
						c.hotlineTopics[rng.nextInt(c.hotlineTopics.length)]);
			}
		}
		int hotline = rng.poisson(0.03 + 0.03 * Math.max(0, d));
		for (int i = 0; i < hotline; i++) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.CONTACT, HOTLINE, NONE, duration(rng), 1,
					c.hotlineTopics[rng.nextInt(c.hotlineTopics.length)]);
		}
		if (rng.chance(0.015)) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.CONTACT, STORE, NONE, 3 * duration(rng), 1,
					c.storeTopics[rng.nextInt(c.storeTopics.length)]);
		}
		if (rng.chance(0.02 * p.engagement)) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.CONTACT, ONLINE_CHAT, NONE, duration(rng),
					1, c.chatTopics[rng.nextInt(c.chatTopics.length)]);
		}
		if (s.intent && rng.chance(0.3)) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.CONTACT, rng.chance(0.7) ? HOTLINE : STORE,
					NONE, duration(rng), 1, c.leavingTopic);
		}
	}

	/** Complaint categories: billing complaints come mostly from the price-sensitive. */
	private static int pickCategory(double u, double priceSensitivity) {
		double billing = 0.1 + 0.5 * priceSensitivity;
		double[] shares = { 0.3, billing, 0.25, 0.15, 0.1 };
		for (int c = 0; c < shares.length; c++) {
			u -= shares[c];
			if (u < 0) {
				return c;
			}
		}
		return PresetCatalog.OTHER;
	}

	/** The events by which a retention action shows: the call, or the points credited. */
	void renderTreatment(RetentionAction action, int day, Rng rng, PendingEvents out) {
		int second = 9 * 3600 + rng.nextInt(9 * 3600);
		if (action == RetentionAction.LOYALTY_POINTS) {
			out.add(day, second, EventType.CUSTOM, LOYALTY_POINTS, NONE, 500 * (1 + rng.nextInt(6)), 0,
					TREATMENT_TOPICS[action.ordinal()]);
		}
		else {
			out.add(day, second, EventType.CONTACT, OUTBOUND_CALL, NONE, 2 + 6 * rng.nextDouble(), 1,
					TREATMENT_TOPICS[action.ordinal()]);
		}
	}

	/** Why the customer left, as far as the hidden state tells. */
	int churnReason(CustomerProfile p, LatentState s, int day, Rng rng) {
		double u = rng.nextDouble();
		if (s.competitorPressure > 0.3 && u < 0.8) {
			return PresetCatalog.REASON_COMPETITOR;
		}
		if (s.lastQualityIssueDay != NO_DAY && day - s.lastQualityIssueDay < 60 && u < 0.8) {
			return PresetCatalog.REASON_QUALITY;
		}
		if ((s.lastBillShockDay != NO_DAY && day - s.lastBillShockDay < 60 || p.priceSensitivity > 0.6) && u < 0.7) {
			return PresetCatalog.REASON_PRICE;
		}
		int[] others = { PresetCatalog.REASON_PRICE, PresetCatalog.REASON_SERVICE, PresetCatalog.REASON_RELOCATION,
				PresetCatalog.REASON_OTHER, PresetCatalog.REASON_QUALITY };
		return others[rng.nextInt(others.length)];
	}

	/** A time of day with the rhythm of waking hours. */
	static int daytimeSecond(Rng rng) {
		return (rng.chance(0.9) ? 8 * 3600 + rng.nextInt(14 * 3600) : rng.nextInt(24 * 3600));
	}

	static double duration(Rng rng) {
		return 1 + 6 * rng.lognormalFactor(0.6);
	}

	static int tier(PresetCatalog catalog, int plan) {
		return plan * 100 / Math.max(1, catalog.plans.length - 1);
	}

}
