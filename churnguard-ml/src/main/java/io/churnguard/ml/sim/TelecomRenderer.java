package io.churnguard.ml.sim;

import io.churnguard.ml.event.EventType;

/**
 * A mobile operator's records: weekly call minutes and data volume, app logins, add-on
 * packs and the occasional phone, monthly bills with data overage, and port-outs to a
 * competitor or closures.
 */
final class TelecomRenderer extends EventRenderer {

	private static final String[] ADD_ONS = { "流量包5GB", "流量包10GB", "视频会员权益包", "国际漫游包" };

	private static final double[] ADD_ON_PRICES = { 20, 30, 15, 68 };

	private static final byte[][] ADD_ON_FIELDS = products(ADD_ONS);

	private static final byte[] PHONE = AttributeJson.field("product", "5G合约手机");

	private static final byte[] PORT_OUT = Plan.utf8("port_out");

	private static final byte[] CLOSURE = Plan.utf8("closure");

	TelecomRenderer(PresetCatalog catalog, SimCalendar calendar) {
		super(catalog, calendar);
	}

	static byte[][] products(String[] names) {
		byte[][] fields = new byte[names.length][];
		for (int i = 0; i < names.length; i++) {
			fields[i] = AttributeJson.field("product", names[i]);
		}
		return fields;
	}

	@Override
	void renderUsage(CustomerProfile p, LatentState s, int from, int to, int aggregateDay, int aggregateSecond,
			double activity, double fraction, Rng rng, PendingEvents out) {
		double season = this.calendar.usageSeason(from);
		// Data use grows about 1.2 % a month, as it does in the market.
		double growth = 1 + 0.0004 * from;
		double minutes = p.usageA * activity * season * rng.lognormalFactor(0.3) * fraction;
		double megabytes = p.usageB * activity * activity * season * growth * rng.lognormalFactor(0.35) * fraction;
		out.add(aggregateDay, aggregateSecond, EventType.USAGE, VOICE, NONE, minutes, 1, null);
		out.add(aggregateDay, Math.min(86_399, aggregateSecond + 1), EventType.USAGE, DATA, NONE, megabytes, 1, null);
	}

	@Override
	void renderDigital(CustomerProfile p, LatentState s, int from, int to, double activity, Rng rng,
			PendingEvents out) {
		int span = to - from;
		int logins = rng.poisson(0.35 * p.engagement * activity);
		for (int i = 0; i < logins; i++) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.DIGITAL, LOGIN, NONE, 1, 0,
					this.catalog.pages[rng.nextInt(this.catalog.pages.length)]);
		}
		int browses = rng.poisson(0.12 * p.engagement);
		for (int i = 0; i < browses; i++) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.DIGITAL, BROWSE, NONE, 1 + rng.nextInt(5),
					0, this.catalog.pages[rng.nextInt(this.catalog.pages.length)]);
		}
		if (s.intent && rng.chance(0.1)) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.DIGITAL, BROWSE, NONE, 1, 0,
					this.catalog.leavingPage);
		}
		int addOns = rng.poisson(0.04 * p.engagement * (1.3 - p.priceSensitivity));
		for (int i = 0; i < addOns; i++) {
			int product = rng.nextInt(ADD_ONS.length);
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.ORDER, ADD_ON, ADD_ON_PRICES[product], 1, 0,
					ADD_ON_FIELDS[product]);
		}
		if (rng.chance(0.002)) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.ORDER, DEVICE,
					rng.chance(0.5) ? 2999 : 4999, 1, 0, PHONE);
		}
	}

	@Override
	double billAmount(CustomerProfile p, LatentState s, boolean discounted, Rng rng) {
		double fee = this.catalog.plans[s.plan].monthlyFee();
		double overage = Math.max(0, 0.04 + 0.08 * rng.gaussian());
		if (s.billShock) {
			overage += 0.4 + 0.6 * rng.nextDouble();
		}
		return fee * (1 + overage) * (discounted ? 0.8 : 1);
	}

	@Override
	String renderChurn(CustomerProfile p, LatentState s, int day, int second, Rng rng, PendingEvents out) {
		int reason = churnReason(p, s, day, rng);
		boolean portOut = rng.chance((reason == PresetCatalog.REASON_RELOCATION) ? 0.2 : 0.75);
		String why = this.catalog.churnReasons[reason];
		byte[] attributes = portOut
				? AttributeJson.field("reason", why, "competitor",
						this.catalog.competitors[rng.nextInt(this.catalog.competitors.length)])
				: AttributeJson.field("reason", why);
		out.add(day, second, EventType.CHURN, portOut ? PORT_OUT : CLOSURE, NONE, NONE, 0, attributes);
		return portOut ? "port_out" : "closure";
	}

}
