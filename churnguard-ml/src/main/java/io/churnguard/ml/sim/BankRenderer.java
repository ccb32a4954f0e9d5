package io.churnguard.ml.sim;

import io.churnguard.ml.event.EventType;

/**
 * A retail bank's records: weekly mobile-banking sessions, card purchases, transfers,
 * withdrawals and deposits (salaries for payroll customers), monthly card statements, and
 * account closures preceded by moving the money out.
 */
final class BankRenderer extends EventRenderer {

	private static final byte[] CARD_SPEND = AttributeJson.field("product", "信用卡消费");

	private static final byte[] DEBIT_SPEND = AttributeJson.field("product", "借记卡消费");

	private static final byte[] OUTGOING = AttributeJson.field("product", "跨行转出");

	private static final byte[] INCOMING = AttributeJson.field("product", "他行转入");

	private static final byte[] CASH = AttributeJson.field("product", "ATM取现");

	private static final byte[] CASH_DEPOSIT = AttributeJson.field("product", "现金存款");

	private static final byte[] SALARY = AttributeJson.field("product", "代发工资");

	private static final byte[] CLOSURE = Plan.utf8("closure");

	/** Card purchases since the last statement. */
	private double cardSpend;

	BankRenderer(PresetCatalog catalog, SimCalendar calendar) {
		super(catalog, calendar);
	}

	@Override
	void beginCustomer() {
		this.cardSpend = 0;
	}

	@Override
	void renderUsage(CustomerProfile p, LatentState s, int from, int to, int aggregateDay, int aggregateSecond,
			double activity, double fraction, Rng rng, PendingEvents out) {
		int sessions = rng.poisson(3 * p.engagement * activity);
		if (sessions > 0) {
			out.add(aggregateDay, aggregateSecond, EventType.USAGE, SESSION, NONE,
					Math.max(1, Math.round(sessions * fraction)), 0, null);
		}
		int span = to - from;
		boolean card = this.catalog.plans[s.plan].billed();
		int transactions = rng.poisson(p.usageA * activity);
		for (int i = 0; i < transactions; i++) {
			double u = rng.nextDouble();
			double amount = p.usageB * rng.lognormalFactor(0.8);
			int day = from + rng.nextInt(span);
			int second = daytimeSecond(rng);
			if (u < 0.45) {
				amount *= 0.5;
				if (card) {
					this.cardSpend += amount;
				}
				out.add(day, second, EventType.ORDER, PURCHASE, amount, 1, 0, card ? CARD_SPEND : DEBIT_SPEND);
			}
			else if (u < 0.7) {
				boolean outgoing = rng.chance(s.intent ? 0.85 : 0.5);
				amount *= 2 * (outgoing && s.intent ? 3 : 1);
				out.add(day, second, EventType.ORDER, TRANSFER, amount, 1, 0, outgoing ? OUTGOING : INCOMING);
			}
			else if (u < 0.85) {
				out.add(day, second, EventType.ORDER, WITHDRAWAL, amount, 1, 0, CASH);
			}
			else {
				out.add(day, second, EventType.ORDER, DEPOSIT, 2.5 * amount, 1, 0, CASH_DEPOSIT);
			}
		}
		if (p.group) {
			int payday = this.calendar.billDayIn(from, to);
			if (payday >= 0) {
				double salary = 6000 * (1 + tier(this.catalog, s.plan) / 100.0) * rng.lognormalFactor(0.2);
				out.add(payday + 9, 10 * 3600 + rng.nextInt(3600), EventType.ORDER, DEPOSIT, salary, 1, 0, SALARY);
			}
		}
	}

	@Override
	void renderDigital(CustomerProfile p, LatentState s, int from, int to, double activity, Rng rng,
			PendingEvents out) {
		int span = to - from;
		int logins = rng.poisson(0.3 * p.engagement * activity);
		for (int i = 0; i < logins; i++) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.DIGITAL, LOGIN, NONE, 1, 0,
					this.catalog.pages[rng.nextInt(this.catalog.pages.length)]);
		}
		if (s.intent && rng.chance(0.1)) {
			out.add(from + rng.nextInt(span), daytimeSecond(rng), EventType.DIGITAL, BROWSE, NONE, 1, 0,
					this.catalog.leavingPage);
		}
	}

	@Override
	double billAmount(CustomerProfile p, LatentState s, boolean discounted, Rng rng) {
		double statement = this.cardSpend + (s.billShock ? 200 + 600 * rng.nextDouble() : 0);
		this.cardSpend = 0;
		// A discount waives the month's fees.
		return statement + (discounted ? 0 : 0.1 * this.catalog.plans[s.plan].monthlyFee());
	}

	@Override
	String renderChurn(CustomerProfile p, LatentState s, int day, int second, Rng rng, PendingEvents out) {
		int reason = churnReason(p, s, day, rng);
		out.add(day, Math.max(0, second - 600), EventType.ORDER, TRANSFER, p.usageB * (5 + 20 * rng.nextDouble()), 1, 0,
				OUTGOING);
		out.add(day, second, EventType.CHURN, CLOSURE, NONE, NONE, 0,
				AttributeJson.field("reason", this.catalog.churnReasons[reason]));
		return "closure";
	}

}
