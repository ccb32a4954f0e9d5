package io.churnguard.ml.sim;

/**
 * Draws a customer's profile from its own random stream, so that customer {@code i} of a
 * seed is always the same person whatever else the simulation does.
 * <p>
 * The uplift segment is drawn from observable traits plus noise: persuadables are mostly
 * price-sensitive customers on dear plans; sleeping dogs mostly long-standing customers
 * who use little; lost causes are the frail and the courted; sure things the engaged and
 * the group accounts.
 */
final class CustomerFactory {

	private static final UpliftSegment[] SEGMENTS = UpliftSegment.values();

	private final PresetCatalog catalog;

	private final SimCalendar calendar;

	private final long seed;

	private final int joinWindowDays;

	private final double joinShare;

	private final int idWidth;

	private final int startYear;

	CustomerFactory(PresetCatalog catalog, SimCalendar calendar, long seed, int customers, int joinWindowDays,
			int joinWindowMonths) {
		this.catalog = catalog;
		this.calendar = calendar;
		this.seed = seed;
		this.joinWindowDays = joinWindowDays;
		this.joinShare = Math.min(0.4, catalog.joinSharePerMonth * joinWindowMonths);
		this.idWidth = idWidth(customers);
		this.startYear = calendar.start.getYear();
	}

	/** The id of the customer with this index: {@code C00000001} for index 0. */
	static String customerId(int index, int width) {
		String digits = Integer.toString(index + 1);
		StringBuilder id = new StringBuilder(width + 1).append('C');
		for (int i = digits.length(); i < width; i++) {
			id.append('0');
		}
		return id.append(digits).toString();
	}

	/** The digits of customer ids: eight, or more for a hundred million customers. */
	static int idWidth(int customers) {
		return Math.max(8, Integer.toString(customers).length());
	}

	void create(int index, Rng rng, CustomerProfile p) {
		// Each preset has its own people: a bank's customer 1 is not the operator's.
		rng.reseed(Rng.streamSeed(this.seed, index, Streams.PROFILE, this.catalog.preset.ordinal()));
		PresetCatalog c = this.catalog;
		p.index = index;
		p.id = customerId(index, this.idWidth);
		p.idField = Plan.utf8(p.id);
		p.male = rng.chance(0.51);
		double minAge = (c.preset == Preset.SUBSCRIPTION) ? 16 : 18;
		int age = (int) Math.round(Math.max(minAge, Math.min(82, c.meanAge + 13 * rng.gaussian())));
		p.birthYear = this.startYear - age;
		p.province = Regions.drawProvince(rng);
		int cityIndex = rng.pick(p.province.cityWeights());
		Regions.City city = p.province.cities()[cityIndex];
		p.city = city.name();
		p.agent = 1 + rng.nextInt(p.province.agents());
		ChineseNames.Name name = ChineseNames.draw(rng, p.male);
		p.name = name.chinese();
		p.phone = PersonalNumbers.mobile(rng, index, c.ownOperatorShare);
		p.email = rng.chance(c.emailShare) ? email(rng, name.pinyin(), p.birthYear) : null;
		p.idCard = PersonalNumbers.residentId(rng, city.adminPrefix(), p.birthYear, p.male);
		p.channel = rng.pick(c.channelWeights);
		p.group = rng.chance(c.groupShare);
		if (rng.chance(this.joinShare)) {
			p.joinDay = rng.nextInt(this.joinWindowDays);
		}
		else {
			p.joinDay = -(int) Math.min(20 * 365, 20 + rng.exponential() * c.meanTenureYears * 365);
		}
		p.plan = rng.pick(c.planWeights);
		if (p.group && p.plan < c.plans.length - 1 && rng.chance(0.3)) {
			p.plan++;
		}
		Plan plan = c.plans[p.plan];
		p.contractMonths = 0;
		p.contractEndDay = CustomerProfile.NO_DAY;
		if (plan.hasContracts() && rng.chance(c.contractShare)) {
			p.contractMonths = plan.contractMonths()[rng.nextInt(plan.contractMonths().length)];
			int term = (int) (p.contractMonths * 30.44);
			int end = (p.joinDay >= 0) ? p.joinDay + term : 1 + rng.nextInt(term);
			if (p.joinDay < 0 && end - term < p.joinDay) {
				end = p.joinDay + term;
			}
			p.contractEndDay = end;
		}
		drawTraits(rng, p, age, cityIndex);
		drawSegment(rng, p);
		drawResponse(rng, p);
		p.staticRisk = 0.25 * p.frailty + (p.group ? -0.8 : 0) + c.channelRisk[p.channel]
				+ ((age < 30) ? 0.2 : (age >= 55) ? -0.2 : 0) + segmentShift(p.segment);
		p.churnThreshold = rng.exponential();
	}

	private void drawTraits(Rng rng, CustomerProfile p, int age, int cityIndex) {
		PresetCatalog c = this.catalog;
		double tier = p.plan / (double) (c.plans.length - 1);
		p.frailty = rng.gaussian();
		p.priceSensitivity = clamp(
				0.35 + 0.2 * rng.gaussian() + ((age < 30) ? 0.08 : 0) - (p.group ? 0.12 : 0) + 0.1 * (0.5 - tier), 0.02,
				0.98);
		p.engagement = rng.lognormalFactor(0.45) * ((age < 30) ? 1.15 : (age >= 60) ? 0.75 : 1.0);
		p.financialStress = Math.min(0.5, 0.05 * rng.lognormalFactor(0.9) * ((age < 25) ? 1.5 : 1.0));
		p.complaintProneness = rng.lognormalFactor(0.6);
		p.grumpiness = 0.25 * rng.gaussian();
		p.competitorExposure = rng.lognormalFactor(0.5) * ((age < 30) ? 1.3 : 1.0) * ((cityIndex == 0) ? 1.2 : 0.9);
		String region = p.province.region();
		double regionQuality = switch (region) {
			case "西北", "西南" -> 1.4;
			case "东北" -> 1.15;
			default -> 1.0;
		};
		p.qualityExposure = regionQuality * ((cityIndex == 0) ? 0.9 : 1.2) * rng.lognormalFactor(0.4);
		switch (c.preset) {
			case TELECOM -> {
				// Weekly call minutes and data MB.
				p.usageA = 90 * rng.lognormalFactor(0.6) * ((age >= 50) ? 1.3 : (age < 25) ? 0.6 : 1.0);
				p.usageB = 700 * (1 + 2 * tier) * rng.lognormalFactor(0.6)
						* ((age < 30) ? 1.5 : (age >= 55) ? 0.45 : 1.0);
			}
			case BANK -> {
				// Weekly transactions and a typical transaction amount.
				p.usageA = 1.6 * p.engagement;
				p.usageB = 600 * (1 + 4 * tier * tier) * rng.lognormalFactor(0.7);
			}
			case SUBSCRIPTION -> {
				// Weekly sessions and a typical order value.
				p.usageA = 4 * p.engagement * rng.lognormalFactor(0.3);
				p.usageB = 110 * rng.lognormalFactor(0.6);
			}
		}
	}

	private void drawSegment(Rng rng, CustomerProfile p) {
		double feeRatio = this.catalog.plans[p.plan].monthlyFee() / this.catalog.meanFee;
		double tenureYears = Math.max(0, -p.joinDay) / 365.0;
		double persuadable = -0.3 + 3.5 * (p.priceSensitivity - 0.35) + 0.5 * (feeRatio - 1)
				+ 0.3 * StrictMath.log(p.complaintProneness);
		double sleepingDog = -2.5 + 0.4 * Math.min(tenureYears, 10) - 2.0 * (p.engagement - 1);
		double lostCause = -1.5 + 1.1 * p.frailty + 0.6 * StrictMath.log(p.competitorExposure);
		double sureThing = 0.7 + (p.group ? 1.0 : 0) - 0.6 * p.frailty + 0.5 * (p.engagement - 1);
		double[] logits = { persuadable, sureThing, lostCause, sleepingDog };
		int best = 0;
		double bestValue = Double.NEGATIVE_INFINITY;
		for (int s = 0; s < logits.length; s++) {
			// Gumbel noise turns the argmax into a multinomial-logit draw.
			double value = logits[s] - StrictMath.log(-StrictMath.log(rng.uniform(1e-12, 1)));
			if (value > bestValue) {
				bestValue = value;
				best = s;
			}
		}
		p.segment = SEGMENTS[best];
	}

	private static void drawResponse(Rng rng, CustomerProfile p) {
		double[] r = p.response;
		int callback = RetentionAction.CALLBACK.ordinal();
		int discount = RetentionAction.DISCOUNT.ordinal();
		int upgrade = RetentionAction.UPGRADE_OFFER.ordinal();
		int points = RetentionAction.LOYALTY_POINTS.ordinal();
		switch (p.segment) {
			case PERSUADABLE -> {
				r[callback] = -1.0 - 0.25 * StrictMath.log(p.complaintProneness) + 0.25 * rng.gaussian();
				r[discount] = -0.8 - 2.4 * p.priceSensitivity + 0.25 * rng.gaussian();
				r[upgrade] = -0.5 - 0.5 * p.engagement + 0.25 * rng.gaussian();
				r[points] = -0.6 + 0.25 * rng.gaussian();
			}
			case SURE_THING -> {
				for (int a = 0; a < r.length; a++) {
					r[a] = -0.08 + 0.05 * rng.gaussian();
				}
			}
			case LOST_CAUSE -> {
				r[callback] = -0.12 + 0.05 * rng.gaussian();
				r[discount] = -0.2 + 0.05 * rng.gaussian();
				r[upgrade] = -0.05 + 0.05 * rng.gaussian();
				r[points] = -0.05 + 0.05 * rng.gaussian();
			}
			case SLEEPING_DOG -> {
				r[callback] = 1.0 + 0.25 * rng.gaussian();
				r[discount] = 0.35 + 0.15 * rng.gaussian();
				r[upgrade] = 0.8 + 0.2 * rng.gaussian();
				r[points] = 0.3 + 0.15 * rng.gaussian();
			}
		}
	}

	/** Lost causes and persuadables are at risk to begin with; sure things are not. */
	private static double segmentShift(UpliftSegment segment) {
		return switch (segment) {
			case PERSUADABLE -> 0.2;
			case SURE_THING -> -0.6;
			case LOST_CAUSE -> 0.9;
			case SLEEPING_DOG -> -0.1;
		};
	}

	private static String email(Rng rng, String pinyin, int birthYear) {
		double u = rng.nextDouble();
		if (u < 0.35) {
			return (10_000_000L + (rng.nextLong() >>> 1) % 3_000_000_000L) + "@qq.com";
		}
		String[] domains = { "163.com", "126.com", "sina.com", "139.com", "foxmail.com", "gmail.com", "outlook.com" };
		String domain = domains[rng.nextInt(domains.length)];
		String suffix = rng.chance(0.5) ? Integer.toString(birthYear % 100 + 100).substring(1)
				: Integer.toString(rng.nextInt(1000));
		return pinyin + suffix + "@" + domain;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
