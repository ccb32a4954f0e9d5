package io.churnguard.bench.features;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.EventBlock;

/**
 * The benchmark's simulated data, held in memory column by column: events in blocks of
 * consecutive customers (customer {@code i} is {@code C0000000i}), and customer
 * attributes as arrays.
 *
 * @param blocks the event blocks in customer order
 * @param events the number of events
 * @param asOfDay the observation date (epoch day); every event lies before it
 * @param joinDay join epoch day per customer
 * @param contractEndDay contract end epoch day per customer, {@link Integer#MIN_VALUE}
 * when none
 * @param monthlyFee monthly fee per customer
 * @param plan plan index per customer, into {@link #PLANS}
 * @param groupAccount group account per customer
 */
record BenchDataset(List<EventBlock> blocks, long events, int asOfDay, int[] joinDay, int[] contractEndDay,
		double[] monthlyFee, byte[] plan, boolean[] groupAccount) {

	static final String[] PLANS = { "畅享59", "畅享99", "畅享129", "家庭融合199", "青春卡39", "商务299" };

	static final String[] GRADES = { "A", "B", "C", "D", "E" };

	int customers() {
		return this.joinDay.length;
	}

	static String customerId(int index) {
		return String.format("C%08d", index);
	}

	static int customerIndex(String customerId) {
		return Integer.parseInt(customerId, 1, customerId.length(), 10);
	}

	/** The archive record the engine reads for attribute features. */
	CustomerAttributes attributes(String customerId) {
		int i = customerIndex(customerId);
		LocalDate contractEnd = (this.contractEndDay[i] == Integer.MIN_VALUE) ? null
				: LocalDate.ofEpochDay(this.contractEndDay[i]);
		return new CustomerAttributes(customerId, LocalDate.ofEpochDay(this.joinDay[i]), contractEnd,
				PLANS[this.plan[i]], this.monthlyFee[i], this.groupAccount[i], false, null, null,
				Map.of("grade", GRADES[i % GRADES.length]));
	}

	/** Approximate bytes held by the event columns. */
	long eventBytes() {
		// day int + kind short + amount double + quantity double
		return this.events * (4 + 2 + 8 + 8);
	}

}
