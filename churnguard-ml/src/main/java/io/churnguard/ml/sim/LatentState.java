package io.churnguard.ml.sim;

import static io.churnguard.ml.sim.CustomerProfile.NO_DAY;

/**
 * What changes about a customer from week to week: hidden dissatisfaction and intent to
 * leave, competitor pressure, the plan and contract, recent overdue bills and downgrades,
 * and what happened this week for the renderer to turn into events.
 */
final class LatentState {

	static final int ON_TIME = 0;

	static final int LATE = 1;

	static final int OVERDUE = 2;

	int week;

	/**
	 * Hidden dissatisfaction: an AR(1) process with shocks; drives risk and behaviour.
	 */
	double dissatisfaction;

	/**
	 * Whether the customer is preparing to leave: hazard is many times higher, usage
	 * fades week by week, port-out inquiries appear. This is where early warnings get
	 * lead time.
	 */
	boolean intent;

	int intentWeeks;

	/** A competitor's offer, 1 when it arrives and fading by a quarter a week. */
	double competitorPressure;

	int plan;

	int contractMonths;

	int contractEndDay = NO_DAY;

	/** The day the last contract ended without renewal. */
	int lapsedDay = NO_DAY;

	/** Due days of the three most recent overdue bills, newest first. */
	final int[] overdueDueDays = { NO_DAY, NO_DAY, NO_DAY };

	int lastDowngradeDay = NO_DAY;

	int lastQualityIssueDay = NO_DAY;

	int lastBillShockDay = NO_DAY;

	/** Unscaled daily churn hazard for this week (before treatments). */
	double dailyHazard;

	// What happened this week.

	boolean qualityIssue;

	boolean competitorOffer;

	int billDay;

	boolean billShock;

	int paymentOutcome;

	/** Days from the bill to the payment (or the overdue notice). */
	int paymentDelay;

	/** +1 for an upgrade, -1 for a downgrade, 0 for none; effective on the bill day. */
	int planChange;

	int planBefore;

	int renewalDay;

	void beginWeek(int week) {
		this.week = week;
		this.qualityIssue = false;
		this.competitorOffer = false;
		this.billDay = -1;
		this.billShock = false;
		this.paymentOutcome = ON_TIME;
		this.paymentDelay = 0;
		this.planChange = 0;
		this.renewalDay = -1;
	}

	/** The number of bills that fell overdue within 90 days before the day. */
	int recentOverdue(int day) {
		int count = 0;
		for (int due : this.overdueDueDays) {
			if (due != NO_DAY && due <= day && day - due < 90) {
				count++;
			}
		}
		return count;
	}

	void addOverdue(int dueDay) {
		this.overdueDueDays[2] = this.overdueDueDays[1];
		this.overdueDueDays[1] = this.overdueDueDays[0];
		this.overdueDueDays[0] = dueDay;
	}

	void copyFrom(LatentState other) {
		this.week = other.week;
		this.dissatisfaction = other.dissatisfaction;
		this.intent = other.intent;
		this.intentWeeks = other.intentWeeks;
		this.competitorPressure = other.competitorPressure;
		this.plan = other.plan;
		this.contractMonths = other.contractMonths;
		this.contractEndDay = other.contractEndDay;
		this.lapsedDay = other.lapsedDay;
		System.arraycopy(other.overdueDueDays, 0, this.overdueDueDays, 0, this.overdueDueDays.length);
		this.lastDowngradeDay = other.lastDowngradeDay;
		this.lastQualityIssueDay = other.lastQualityIssueDay;
		this.lastBillShockDay = other.lastBillShockDay;
		this.dailyHazard = other.dailyHazard;
		this.qualityIssue = other.qualityIssue;
		this.competitorOffer = other.competitorOffer;
		this.billDay = other.billDay;
		this.billShock = other.billShock;
		this.paymentOutcome = other.paymentOutcome;
		this.paymentDelay = other.paymentDelay;
		this.planChange = other.planChange;
		this.planBefore = other.planBefore;
		this.renewalDay = other.renewalDay;
	}

}
