package io.churnguard.ml.sim;

import java.util.Arrays;
import java.util.List;

/**
 * All treatments of a simulation, packed into one sorted array of longs (customer, day,
 * action) so that each customer finds theirs by binary search, whatever their number.
 */
final class TreatmentBook {

	private static final int DAY_OFFSET = 1 << 24;

	private static final RetentionAction[] ACTIONS = RetentionAction.values();

	private final long[] entries;

	private TreatmentBook(long[] entries) {
		this.entries = entries;
	}

	static TreatmentBook empty() {
		return new TreatmentBook(new long[0]);
	}

	/**
	 * Packs treatments, checking each names a customer of the simulation and falls within
	 * the days being simulated.
	 * @throws IllegalArgumentException naming the first treatment that does not
	 */
	static TreatmentBook of(List<Treatment> treatments, int customers, int idWidth, SimCalendar calendar, int firstDay,
			int endDay) {
		long[] entries = new long[treatments.size()];
		for (int i = 0; i < entries.length; i++) {
			Treatment treatment = treatments.get(i);
			int index = customerIndex(treatment.customerId(), customers, idWidth);
			int day = (int) (treatment.date().toEpochDay() - calendar.startEpochDay);
			if (day < firstDay || day >= endDay) {
				throw new IllegalArgumentException("treatment of " + treatment.customerId() + " on " + treatment.date()
						+ " lies outside the simulated period " + calendar.date(firstDay) + " to "
						+ calendar.date(endDay - 1));
			}
			entries[i] = (((long) index) << 32) | (((long) day + DAY_OFFSET) << 3) | treatment.action().ordinal();
		}
		Arrays.sort(entries);
		return new TreatmentBook(entries);
	}

	/** The index of a customer id such as {@code C00000001} (index 0). */
	static int customerIndex(String customerId, int customers, int idWidth) {
		if (customerId.length() == idWidth + 1 && customerId.charAt(0) == 'C') {
			try {
				int index = Integer.parseInt(customerId.substring(1)) - 1;
				if (index >= 0 && index < customers) {
					return index;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below, with the id.
			}
		}
		throw new IllegalArgumentException("unknown customer '" + customerId + "'");
	}

	int size() {
		return this.entries.length;
	}

	/** Loads one customer's treatments, in day order. */
	void load(int customerIndex, CustomerTreatments into) {
		into.clear();
		if (this.entries.length == 0) {
			return;
		}
		long first = ((long) customerIndex) << 32;
		int i = Arrays.binarySearch(this.entries, first);
		if (i < 0) {
			i = -i - 1;
		}
		for (; i < this.entries.length && (this.entries[i] >>> 32) == customerIndex; i++) {
			long entry = this.entries[i];
			int day = (int) (((entry & 0xFFFFFFFFL) >>> 3) - DAY_OFFSET);
			into.add(day, ACTIONS[(int) (entry & 7)]);
		}
	}

}
