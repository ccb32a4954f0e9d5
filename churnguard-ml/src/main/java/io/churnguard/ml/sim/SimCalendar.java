package io.churnguard.ml.sim;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Days of a simulation, counted from its start date (day 0), with the date strings,
 * billing days, billing-period attributes and seasonal factors prepared once, so that
 * writing an event's time is a copy of ten bytes plus six digits.
 */
final class SimCalendar {

	/** Days a customer's future is projected for the ground truth. */
	static final int PROJECTION_DAYS = 90;

	/**
	 * Relative churn pressure by month of the year: highest after the Spring Festival and
	 * when the new phones come out in September, lowest in December. Means 1.
	 */
	private static final double[] HAZARD_SEASON = normalised(1.00, 1.12, 1.20, 1.05, 0.95, 0.95, 1.00, 1.00, 1.15, 1.00,
			0.90, 0.82);

	/** Relative usage by month: holidays in February and summer. */
	private static final double[] USAGE_SEASON = { 1.02, 1.10, 0.98, 0.98, 1.00, 1.00, 1.04, 1.05, 0.98, 1.02, 0.97,
			1.00 };

	final LocalDate start;

	final long startEpochDay;

	final int horizonDays;

	private final int tableDays;

	private final byte[][] dates;

	private final byte[] months;

	/** Per day, the first bill day on or after it (or a day beyond the table). */
	private final int[] nextBillDay;

	private final byte[][] periodFields;

	SimCalendar(LocalDate start, int horizonDays) {
		this.start = start;
		this.startEpochDay = start.toEpochDay();
		this.horizonDays = horizonDays;
		this.tableDays = horizonDays + PROJECTION_DAYS + 14;
		this.dates = new byte[this.tableDays][];
		this.months = new byte[this.tableDays];
		this.nextBillDay = new int[this.tableDays];
		boolean[] billDay = new boolean[this.tableDays];
		this.periodFields = new byte[this.tableDays][];
		byte[] period = null;
		for (int day = 0; day < this.tableDays; day++) {
			LocalDate date = start.plusDays(day);
			this.dates[day] = date.toString().getBytes(StandardCharsets.US_ASCII);
			this.months[day] = (byte) date.getMonthValue();
			if (day == 0 || date.getDayOfMonth() == 1) {
				period = AttributeJson.field("period", date.toString().substring(0, 7));
			}
			billDay[day] = date.getDayOfMonth() == 1;
			this.periodFields[day] = period;
		}
		int next = Integer.MAX_VALUE;
		for (int day = this.tableDays - 1; day >= 0; day--) {
			next = billDay[day] ? day : next;
			this.nextBillDay[day] = next;
		}
	}

	/** The number of days from the start date to the start date plus some months. */
	static int daysIn(LocalDate start, int months) {
		return (int) (start.plusMonths(months).toEpochDay() - start.toEpochDay());
	}

	LocalDate date(int day) {
		return LocalDate.ofEpochDay(this.startEpochDay + day);
	}

	/**
	 * The day that is some months after the given one, calendar-wise (the day of month
	 * capped at the month's length, as {@link LocalDate#plusMonths} does). Integer
	 * arithmetic on civil dates: contract renewals call it in every projected path.
	 */
	int plusMonths(int day, int months) {
		long epochDay = this.startEpochDay + day + 719_468;
		long era = Math.floorDiv(epochDay, 146_097);
		long dayOfEra = epochDay - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long shiftedMonth = (5 * dayOfYear + 2) / 153;
		int dayOfMonth = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
		int month = (int) ((shiftedMonth < 10) ? shiftedMonth + 3 : shiftedMonth - 9);
		long year = yearOfEra + era * 400 + ((month <= 2) ? 1 : 0);
		long total = year * 12 + (month - 1) + months;
		long newYear = Math.floorDiv(total, 12);
		int newMonth = (int) Math.floorMod(total, 12) + 1;
		int newDay = Math.min(dayOfMonth, lengthOfMonth(newYear, newMonth));
		return (int) (epochDay(newYear, newMonth, newDay) - this.startEpochDay);
	}

	private static int lengthOfMonth(long year, int month) {
		return switch (month) {
			case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	private static long epochDay(long year, int month, int day) {
		long y = (month <= 2) ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153L * (month + ((month > 2) ? -3 : 9)) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	/** The day in [from, to) on which a monthly bill falls, or -1 when none does. */
	int billDayIn(int from, int to) {
		int first = Math.max(0, from);
		if (first >= this.tableDays) {
			return -1;
		}
		int day = this.nextBillDay[first];
		return (day < to) ? day : -1;
	}

	/** The {@code {"period":"2025-03"}} attribute of a bill issued on this day. */
	byte[] periodField(int day) {
		return this.periodFields[day];
	}

	double hazardSeason(int day) {
		return HAZARD_SEASON[month(day) - 1];
	}

	double usageSeason(int day) {
		return USAGE_SEASON[month(day) - 1];
	}

	private int month(int day) {
		if (day >= 0 && day < this.tableDays) {
			return this.months[day];
		}
		return date(day).getMonthValue();
	}

	void writeDate(CsvBuffer out, int day) {
		if (day >= 0 && day < this.tableDays) {
			out.bytes(this.dates[day]);
		}
		else {
			out.bytes(date(day).toString().getBytes(StandardCharsets.US_ASCII));
		}
	}

	void writeDateTime(CsvBuffer out, int day, int secondOfDay) {
		writeDate(out, day);
		out.ascii('T');
		int minutes = secondOfDay / 60;
		out.twoDigits(minutes / 60).ascii(':').twoDigits(minutes % 60).ascii(':').twoDigits(secondOfDay % 60);
	}

	private static double[] normalised(double... factors) {
		double sum = 0;
		for (double factor : factors) {
			sum += factor;
		}
		double[] result = new double[factors.length];
		for (int i = 0; i < factors.length; i++) {
			result[i] = factors[i] * factors.length / sum;
		}
		return result;
	}

}
