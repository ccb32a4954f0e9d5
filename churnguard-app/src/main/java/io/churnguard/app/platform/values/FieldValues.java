package io.churnguard.app.platform.values;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Parsers for raw field values. Blank means absent: callers get {@code null} and decide
 * whether the field is required. Invalid values raise {@link InvalidValueException} with
 * a reason fit for a reject file.
 */
public final class FieldValues {

	private FieldValues() {
	}

	/**
	 * Trims, and turns blank (including a lone space, as Excel exports write) into null.
	 */
	public static String text(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip();
		return value.isEmpty() ? null : value;
	}

	/**
	 * A date: {@code 2025-03-14}, {@code 2025/3/14}, {@code 2025.3.14},
	 * {@code 2025年3月14日}, {@code 20250314}; a trailing time of day is ignored.
	 */
	public static LocalDate date(String raw) {
		String value = text(raw);
		if (value == null) {
			return null;
		}
		int space = indexOfTimeSeparator(value);
		String datePart = (space > 0) ? value.substring(0, space) : value;
		LocalDate date = parseDate(datePart);
		if (date == null) {
			throw new InvalidValueException("not a date (expected e.g. 2025-03-14, 2025/3/14 or 2025年3月14日)");
		}
		return date;
	}

	/**
	 * A date-time: ISO ({@code 2025-03-14T10:22:05}), with a space instead of T, Chinese
	 * or slashed dates, optional seconds, an optional offset ({@code Z}, {@code +08:00})
	 * that is converted to {@code zone}; a bare date means midnight.
	 */
	public static LocalDateTime dateTime(String raw, ZoneId zone) {
		String value = text(raw);
		if (value == null) {
			return null;
		}
		LocalDateTime iso = isoLocalDateTime(value);
		if (iso != null) {
			return iso;
		}
		if (value.length() > 19 && (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
			try {
				return OffsetDateTime.parse(value.replace(' ', 'T')).atZoneSameInstant(zone).toLocalDateTime();
			}
			catch (DateTimeException ex) {
				throw new InvalidValueException("not a date-time (expected e.g. 2025-03-14T10:22:05+08:00)");
			}
		}
		int split = indexOfTimeSeparator(value);
		LocalDate date = parseDate((split > 0) ? value.substring(0, split) : value);
		if (date == null) {
			throw new InvalidValueException("not a date-time (expected e.g. 2025-03-14T10:22:05 or 2025/3/14 10:22)");
		}
		if (split < 0) {
			return date.atStartOfDay();
		}
		LocalTime time = parseTime(value.substring(split + 1).strip());
		if (time == null) {
			throw new InvalidValueException("not a time of day (expected e.g. 10:22:05)");
		}
		return date.atTime(time);
	}

	/**
	 * The common case of event files, {@code yyyy-MM-ddTHH:mm:ss}, read without
	 * allocating: bulk imports parse millions of these.
	 */
	private static LocalDateTime isoLocalDateTime(String v) {
		if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T' && v.charAt(10) != ' ')
				|| v.charAt(13) != ':' || v.charAt(16) != ':') {
			return null;
		}
		int year = digits(v, 0, 4);
		int month = digits(v, 5, 2);
		int day = digits(v, 8, 2);
		int hour = digits(v, 11, 2);
		int minute = digits(v, 14, 2);
		int second = digits(v, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second);
		}
		catch (DateTimeException ex) {
			throw new InvalidValueException("not a date-time (there is no such day or time)");
		}
	}

	/** The number written by {@code length} ASCII digits at {@code start}, or -1. */
	private static int digits(String value, int start, int length) {
		int result = 0;
		for (int i = start; i < start + length; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

	/**
	 * Whether a value is a valid id: letters, digits and {@code _ . : -}, at most 64.
	 * Checked by hand rather than with a regular expression, as ids are read by the
	 * million.
	 */
	public static boolean isId(String value) {
		if (value.isEmpty() || value.length() > 64) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || c == ':' || c == '-';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/** A decimal number; accepts thousands separators, a currency sign and 元. */
	public static BigDecimal decimal(String raw) {
		String value = text(raw);
		if (value == null) {
			return null;
		}
		String cleaned = value.replace(",", "")
			.replace("，", "")
			.replace("¥", "")
			.replace("￥", "")
			.replace("元", "")
			.replace(" ", "");
		try {
			return new BigDecimal(cleaned);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException("not a number");
		}
	}

	/** A decimal as double, refusing NaN and infinities. */
	public static Double number(String raw) {
		String value = text(raw);
		if (value != null && isPlainNumber(value)) {
			// Plain numbers are the rule in bulk files; BigDecimal is for the decorated
			// exceptions.
			return Double.parseDouble(value);
		}
		BigDecimal decimal = decimal(value);
		return (decimal != null) ? decimal.doubleValue() : null;
	}

	private static boolean isPlainNumber(String value) {
		int start = (value.charAt(0) == '-') ? 1 : 0;
		if (start == value.length()) {
			return false;
		}
		boolean dot = false;
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '.' && !dot) {
				dot = true;
			}
			else if (c < '0' || c > '9') {
				return false;
			}
		}
		return value.length() - start > (dot ? 1 : 0);
	}

	public static Integer integer(String raw) {
		BigDecimal value = decimal(raw);
		if (value == null) {
			return null;
		}
		try {
			return value.intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new InvalidValueException("not a whole number");
		}
	}

	/** true/false, 1/0, yes/no, y/n, 是/否, t/f. */
	public static Boolean bool(String raw) {
		String value = text(raw);
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes", "y", "t", "是", "对" -> true;
			case "false", "0", "no", "n", "f", "否", "不是" -> false;
			default -> throw new InvalidValueException("not a yes/no value (expected true/false, 1/0, 是/否)");
		};
	}

	/** M or F; also 男/女, male/female. */
	public static String gender(String raw) {
		String value = text(raw);
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "m", "male", "男", "男性" -> "M";
			case "f", "female", "女", "女性" -> "F";
			default -> throw new InvalidValueException("not a gender (expected M/F or 男/女)");
		};
	}

	private static int indexOfTimeSeparator(String value) {
		int t = value.indexOf('T');
		if (t > 0) {
			return t;
		}
		return value.indexOf(' ');
	}

	private static LocalDate parseDate(String value) {
		String v = value.strip();
		int year;
		int month;
		int day;
		try {
			if (v.length() == 8 && v.chars().allMatch(Character::isDigit)) {
				year = Integer.parseInt(v.substring(0, 4));
				month = Integer.parseInt(v.substring(4, 6));
				day = Integer.parseInt(v.substring(6, 8));
			}
			else {
				String normalized = v.replace('年', '-')
					.replace('月', '-')
					.replace("日", "")
					.replace('/', '-')
					.replace('.', '-');
				String[] parts = normalized.split("-");
				if (parts.length != 3 || parts[0].length() != 4) {
					return null;
				}
				year = Integer.parseInt(parts[0]);
				month = Integer.parseInt(parts[1]);
				day = Integer.parseInt(parts[2]);
			}
			return LocalDate.of(year, month, day);
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

	private static LocalTime parseTime(String value) {
		String[] parts = value.replace('时', ':').replace('分', ':').replace("秒", "").split(":");
		if (parts.length < 2 || parts.length > 3) {
			return null;
		}
		try {
			int hour = Integer.parseInt(parts[0]);
			int minute = Integer.parseInt(parts[1]);
			double second = (parts.length == 3 && !parts[2].isEmpty()) ? Double.parseDouble(parts[2]) : 0;
			int whole = (int) second;
			return LocalTime.of(hour, minute, whole, (int) Math.round((second - whole) * 1_000_000_000L));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

}
