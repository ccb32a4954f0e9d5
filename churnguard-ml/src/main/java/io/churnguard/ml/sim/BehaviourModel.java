package io.churnguard.ml.sim;

import static io.churnguard.ml.sim.CustomerProfile.NO_DAY;

/**
 * The hidden dynamics of a customer, one week at a time, and the churn hazard they imply.
 * <p>
 * Dissatisfaction follows an AR(1) process pulled towards the customer's own level and
 * pushed up by quality incidents, bill shocks, overdue bills and competitors' offers. The
 * log-hazard adds up the drivers our users' documents name: dissatisfaction, contract
 * status (low in contract, high just after expiry), tenure, recent overdue bills, recent
 * downgrades, price sensitivity on a dear plan, competitor pressure, group accounts, the
 * season, and an unobserved frailty. Customers enter a state of intent to leave at a rate
 * that grows with the same log-hazard; in it the hazard builds up over
 * {@value #INTENT_BUILD_UP_WEEKS} weeks to {@value #INTENT_MULTIPLIER} times its level
 * and usage fades, so most churn has weeks of warning signs before it. The overall level
 * is scaled by a calibrated constant to meet the target churn rate.
 */
final class BehaviourModel {

	static final double PERSISTENCE = 0.95;

	static final double NOISE = 0.16;

	static final double DISSATISFACTION_WEIGHT = 0.9;

	static final double INTENT_MULTIPLIER = 60;

	/** Weeks over which the hazard of a customer intent on leaving builds up to full. */
	static final double INTENT_BUILD_UP_WEEKS = 8;

	static final double INTENT_ENTRY = 0.006;

	static final double INTENT_EXIT = 0.04;

	private final PresetCatalog catalog;

	private final SimCalendar calendar;

	BehaviourModel(PresetCatalog catalog, SimCalendar calendar) {
		this.catalog = catalog;
		this.calendar = calendar;
	}

	PresetCatalog catalog() {
		return this.catalog;
	}

	/** The state in which a customer enters the simulation (on day 0 or on joining). */
	void start(CustomerProfile p, LatentState s, Rng rng) {
		double stationarySd = NOISE / StrictMath.sqrt(1 - PERSISTENCE * PERSISTENCE);
		boolean joinsNow = p.joinDay >= 0;
		s.dissatisfaction = joinsNow ? p.grumpiness - 0.3 + 0.5 * stationarySd * rng.gaussian()
				: p.grumpiness + stationarySd * rng.gaussian();
		s.intent = !joinsNow && rng.chance(0.015 * DeterministicMath.exp(0.5 * p.frailty));
		s.intentWeeks = s.intent ? rng.nextInt(6) : 0;
		s.competitorPressure = 0;
		s.plan = p.plan;
		s.contractMonths = p.contractMonths;
		s.contractEndDay = p.contractEndDay;
		s.lapsedDay = NO_DAY;
		s.overdueDueDays[0] = NO_DAY;
		s.overdueDueDays[1] = NO_DAY;
		s.overdueDueDays[2] = NO_DAY;
		s.lastDowngradeDay = NO_DAY;
		s.lastQualityIssueDay = NO_DAY;
		s.lastBillShockDay = NO_DAY;
		s.week = Integer.MIN_VALUE;
	}

	/** Advances the hidden state by one week and sets this week's hazard. */
	void step(CustomerProfile p, LatentState s, int week, Rng rng) {
		PresetCatalog c = this.catalog;
		int weekStart = week * 7;
		int day = Math.max(weekStart, p.joinDay);
		s.beginWeek(week);
		s.competitorPressure *= 0.75;
		s.dissatisfaction = PERSISTENCE * s.dissatisfaction + (1 - PERSISTENCE) * p.grumpiness + NOISE * rng.gaussian();
		if (rng.chance(c.qualityIssueRate * p.qualityExposure)) {
			s.qualityIssue = true;
			s.lastQualityIssueDay = day;
			s.dissatisfaction += 0.6;
		}
		if (rng.chance(c.competitorOfferRate * p.competitorExposure)) {
			s.competitorOffer = true;
			s.competitorPressure = 1;
			s.dissatisfaction += 0.15;
		}
		Plan plan = c.plans[s.plan];
		int billDay = this.calendar.billDayIn(day, weekStart + 7);
		if (billDay >= 0 && plan.billed()) {
			bill(p, s, billDay, rng);
		}
		if (s.contractEndDay != NO_DAY && s.contractEndDay >= day && s.contractEndDay < weekStart + 7) {
			contractEnds(p, s, rng);
		}
		double season = this.calendar.hazardSeason(day);
		double risk = DeterministicMath.exp(logRisk(p, s, day)) * season;
		if (s.intent) {
			s.intentWeeks++;
			if (rng.chance(INTENT_EXIT * ((s.dissatisfaction < 0) ? 1.5 : 1))) {
				s.intent = false;
				s.intentWeeks = 0;
				s.dissatisfaction -= 0.2;
			}
		}
		else if (rng.chance(1 - DeterministicMath.exp(-INTENT_ENTRY * risk))) {
			s.intent = true;
			s.intentWeeks = 0;
		}
		s.dailyHazard = risk
				* (s.intent ? 1 + INTENT_MULTIPLIER * Math.min(1, s.intentWeeks / INTENT_BUILD_UP_WEEKS) : 1);
	}

	/**
	 * How much of a retention action's effect still reaches the customer: all of it
	 * normally, fading as an intent to leave matures (an offer made after the port-out
	 * code was requested rarely works), down to a fifth.
	 */
	static double responsiveness(LatentState s) {
		return s.intent ? Math.max(0.2, 1 - s.intentWeeks / INTENT_BUILD_UP_WEEKS) : 1;
	}

	private void bill(CustomerProfile p, LatentState s, int billDay, Rng rng) {
		PresetCatalog c = this.catalog;
		double ps = p.priceSensitivity;
		s.billDay = billDay;
		if (rng.chance(0.025 * (0.6 + ps))) {
			s.billShock = true;
			s.lastBillShockDay = billDay;
			s.dissatisfaction += 0.35 * (0.5 + ps);
		}
		double d = s.dissatisfaction;
		double overdue = Math.min(0.5,
				p.financialStress * 0.5 * DeterministicMath.exp(0.4 * d) + (s.intent ? 0.08 : 0));
		double late = Math.min(0.5, p.financialStress * 1.5 * DeterministicMath.exp(0.25 * d));
		double u = rng.nextDouble();
		if (u < overdue) {
			s.paymentOutcome = LatentState.OVERDUE;
			s.paymentDelay = 20 + 15 + rng.nextInt(31);
			s.addOverdue(billDay + 20);
			s.dissatisfaction += 0.1;
		}
		else if (u < overdue + late) {
			s.paymentOutcome = LatentState.LATE;
			s.paymentDelay = 20 + 1 + rng.nextInt(15);
		}
		else {
			s.paymentOutcome = LatentState.ON_TIME;
			s.paymentDelay = 2 + rng.nextInt(18);
		}
		double feeRatio = c.plans[s.plan].monthlyFee() / c.meanFee;
		boolean inContract = s.contractEndDay != NO_DAY;
		double down = (0.006 * DeterministicMath.exp(0.5 * d + 2.0 * (ps - 0.35) * feeRatio) + (s.intent ? 0.05 : 0))
				* (inContract ? 0.3 : 1);
		double up = 0.01 * p.engagement * DeterministicMath.exp(-0.4 * d) * (1.3 - ps);
		double v = rng.nextDouble();
		if (s.plan > 0 && v < down) {
			s.planChange = -1;
			s.planBefore = s.plan;
			s.plan--;
			s.lastDowngradeDay = billDay;
		}
		else if (s.plan < c.plans.length - 1 && v > 1 - up) {
			s.planChange = 1;
			s.planBefore = s.plan;
			s.plan++;
		}
	}

	private void contractEnds(CustomerProfile p, LatentState s, Rng rng) {
		double tenureYears = (s.contractEndDay - p.joinDay) / 365.0;
		double renew = 1.3 - 0.8 * s.dissatisfaction - 0.4 * p.frailty + (p.group ? 0.6 : 0) - (s.intent ? 2.5 : 0)
				- 0.8 * (p.priceSensitivity - 0.35) + ((tenureYears > 3) ? 0.3 : 0);
		if (rng.chance(1 / (1 + DeterministicMath.exp(-renew)))) {
			s.renewalDay = s.contractEndDay;
			s.contractEndDay = this.calendar.plusMonths(s.contractEndDay, s.contractMonths);
		}
		else {
			s.lapsedDay = s.contractEndDay;
			s.contractEndDay = NO_DAY;
		}
	}

	/** The log-hazard of the customer on a day, before the season and intent. */
	double logRisk(CustomerProfile p, LatentState s, int day) {
		double eta = p.staticRisk + DISSATISFACTION_WEIGHT * s.dissatisfaction;
		if (s.contractEndDay != NO_DAY) {
			eta += (s.contractEndDay - day > 60) ? -1.5 : -0.5;
		}
		else if (s.lapsedDay != NO_DAY && day - s.lapsedDay < 120) {
			eta += 0.7;
		}
		int tenure = day - p.joinDay;
		if (tenure < 180) {
			eta += 0.5;
		}
		else if (tenure > 5 * 365) {
			eta -= 0.25;
		}
		eta += 0.6 * s.recentOverdue(day);
		if (s.lastDowngradeDay != NO_DAY && day - s.lastDowngradeDay < 90) {
			eta += 0.5;
		}
		eta += 0.8 * p.priceSensitivity * (this.catalog.plans[s.plan].monthlyFee() / this.catalog.meanFee - 1);
		eta += 0.9 * s.competitorPressure;
		if (s.lastQualityIssueDay != NO_DAY && day - s.lastQualityIssueDay < 28) {
			eta += 0.3;
		}
		return eta;
	}

}
