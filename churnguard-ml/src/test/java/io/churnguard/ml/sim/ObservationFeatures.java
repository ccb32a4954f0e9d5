package io.churnguard.ml.sim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-local, hand-made churn features of each customer at an observation date, from the
 * events before it: the drivers our users' documents name (usage change, complaints,
 * overdue and late payments, downgrades, port-out inquiries, contract days left, tenure,
 * group account, fee, age, acquisition channel).
 */
final class ObservationFeatures {

	static final String[] NAMES = { "data_trend", "voice_trend", "complaints_8w", "overdue_90d", "late_90d",
			"downgrades_90d", "leaving_contacts_8w", "hotline_8w", "logins_8w", "in_contract", "contract_ends_90d",
			"contract_lapsed_120d", "new_customer", "group_account", "log_fee", "under_30", "campaign_channel" };

	private final LocalDate observation;

	private final Map<String, double[]> accumulators = new HashMap<>();

	private final Map<String, LocalDate> firstRenewalAfter = new HashMap<>();

	ObservationFeatures(LocalDate observation) {
		this.observation = observation;
	}

	void accept(SimulationFiles.EventRow event) {
		if (event.type().equals("plan_change") && event.subtype().equals("renewal")
				&& !event.date().isBefore(this.observation)) {
			this.firstRenewalAfter.putIfAbsent(event.customerId(), event.date());
		}
		if (!event.date().isBefore(this.observation)) {
			return;
		}
		long daysBefore = ChronoUnit.DAYS.between(event.date(), this.observation);
		double[] a = this.accumulators.computeIfAbsent(event.customerId(), (id) -> new double[16]);
		switch (event.type()) {
			case "usage" -> {
				int offset = event.subtype().equals("data") ? 0 : 2;
				if (daysBefore <= 28) {
					a[offset] += event.quantity();
				}
				else if (daysBefore <= 84) {
					a[offset + 1] += event.quantity();
				}
			}
			case "complaint" -> a[4] += (daysBefore <= 56) ? 1 : 0;
			case "payment" -> {
				if (daysBefore <= 90) {
					a[5] += event.subtype().equals("overdue") ? 1 : 0;
					a[6] += event.subtype().equals("late") ? 1 : 0;
				}
			}
			case "plan_change" -> a[7] += (daysBefore <= 90 && event.subtype().equals("downgrade")) ? 1 : 0;
			case "contact" -> {
				if (daysBefore <= 56) {
					a[8] += event.attributes().contains("携号转网") ? 1 : 0;
					a[9] += event.subtype().equals("hotline") ? 1 : 0;
				}
			}
			case "digital" -> {
				a[10] += (daysBefore <= 56 && event.subtype().equals("login")) ? 1 : 0;
				a[8] += (daysBefore <= 56 && event.attributes().contains("携号转网")) ? 1 : 0;
			}
			default -> {
			}
		}
	}

	/** The feature row of a customer, given their archive row. */
	double[] row(String customerId, Map<String, String> customer) {
		double[] a = this.accumulators.getOrDefault(customerId, new double[16]);
		LocalDate contractEnd = this.firstRenewalAfter.get(customerId);
		if (contractEnd == null && !customer.get("contract_end_date").isEmpty()) {
			contractEnd = LocalDate.parse(customer.get("contract_end_date"));
		}
		long daysLeft = (contractEnd != null) ? ChronoUnit.DAYS.between(this.observation, contractEnd) : -9999;
		LocalDate joined = LocalDate.parse(customer.get("join_date"));
		return new double[] { Math.log((a[0] + 1) / (a[1] / 2 + 1)), Math.log((a[2] + 1) / (a[3] / 2 + 1)),
				Math.log1p(a[4]), a[5], a[6], a[7], a[8], a[9], Math.log1p(a[10]), (daysLeft > 60) ? 1 : 0,
				(daysLeft <= 90 && daysLeft > 0) ? 1 : 0, (daysLeft <= 0 && daysLeft > -120) ? 1 : 0,
				(ChronoUnit.DAYS.between(joined, this.observation) < 180) ? 1 : 0,
				customer.get("group_account").equals("true") ? 1 : 0,
				Math.log(Double.parseDouble(customer.get("monthly_fee"))),
				(this.observation.getYear() - Integer.parseInt(customer.get("birth_year")) < 30) ? 1 : 0,
				(customer.get("channel").equals("活动") || customer.get("channel").equals("线上")) ? 1 : 0 };
	}

}
