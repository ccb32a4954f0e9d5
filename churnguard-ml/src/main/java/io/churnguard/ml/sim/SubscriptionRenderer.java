package io.churnguard.ml.sim;

import io.churnguard.ml.event.EventType;

/**
 * A subscription e-commerce platform's records: weekly app sessions, logins, browsing,
 * searches, clicks and favourites, orders, monthly membership fees; a customer's churn is
 * their last activity, recorded as a churn event of subtype {@code inactive}.
 */
final class SubscriptionRenderer extends EventRenderer {

	private static final String[] CATEGORIES = { "服饰", "数码", "美妆", "食品", "家居", "图书" };

	private static final byte[][] CATEGORY_FIELDS = TelecomRenderer.products(CATEGORIES);

	private static final byte[] INACTIVE = Plan.utf8("inactive");

	SubscriptionRenderer(PresetCatalog catalog, SimCalendar calendar) {
		super(catalog, calendar);
	}

	@Override
	void renderUsage(CustomerProfile p, LatentState s, int from, int to, int aggregateDay, int aggregateSecond,
			double activity, double fraction, Rng rng, PendingEvents out) {
		int sessions = rng.poisson(p.usageA * activity * this.calendar.usageSeason(from));
		if (sessions > 0) {
			out.add(aggregateDay, aggregateSecond, EventType.USAGE, SESSION, NONE,
					Math.max(1, Math.round(sessions * fraction)), 0, null);
		}
		int span = to - from;
		int orders = rng.poisson(0.25 * p.engagement * activity);
		for (int i = 0; i < orders; i++) {
			double amount = p.usageB * rng.lognormalFactor(0.5);
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.ORDER, PURCHASE, amount, 1 + rng.nextInt(4),
					0, CATEGORY_FIELDS[rng.nextInt(CATEGORY_FIELDS.length)]);
		}
	}

	@Override
	void renderDigital(CustomerProfile p, LatentState s, int from, int to, double activity, Rng rng,
			PendingEvents out) {
		double level = p.engagement * activity;
		digital(LOGIN, 0.6 * level, from, to, rng, out);
		digital(BROWSE, 0.6 * level, from, to, rng, out);
		digital(SEARCH, 0.3 * level, from, to, rng, out);
		digital(CLICK, 0.25 * level, from, to, rng, out);
		digital(FAVOURITE, 0.1 * level, from, to, rng, out);
		if (s.intent && rng.chance(0.12)) {
			out.add(from + rng.nextInt(to - from), daytimeSecond(rng), EventType.DIGITAL, BROWSE, NONE, 1, 0,
					this.catalog.leavingPage);
		}
	}

	private void digital(byte[] subtype, double rate, int from, int to, Rng rng, PendingEvents out) {
		int count = rng.poisson(rate);
		for (int i = 0; i < count; i++) {
			out.add(from + rng.nextInt(to - from), daytimeSecond(rng), EventType.DIGITAL, subtype, NONE,
					1 + rng.nextInt(3), 0, this.catalog.pages[rng.nextInt(this.catalog.pages.length)]);
		}
	}

	@Override
	double billAmount(CustomerProfile p, LatentState s, boolean discounted, Rng rng) {
		double fee = this.catalog.plans[s.plan].monthlyFee();
		return (s.billShock ? 2 * fee : fee) * (discounted ? 0.8 : 1);
	}

	@Override
	String renderChurn(CustomerProfile p, LatentState s, int day, int second, Rng rng, PendingEvents out) {
		int reason = churnReason(p, s, day, rng);
		out.add(day, Math.max(0, second - 1), EventType.DIGITAL, LOGIN, NONE, 1, 0, this.catalog.pages[0]);
		out.add(day, second, EventType.CHURN, INACTIVE, NONE, NONE, 0,
				AttributeJson.field("reason", this.catalog.churnReasons[reason]));
		return "inactive";
	}

}
