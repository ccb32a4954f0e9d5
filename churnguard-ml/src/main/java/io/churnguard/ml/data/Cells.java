package io.churnguard.ml.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a single cell of text is read: what counts as missing, as a number, a boolean or a
 * date. Both type inference and scoring use these rules, so a value means the same thing
 * at training and at scoring time.
 */
public final class Cells {

	private static final Set<String> MISSING = Set.of("na", "n/a", "nan", "null", "?", "#n/a", "none", "nil");

	private static final Set<String> TRUE = Set.of("yes", "y", "true", "t", "是");

	private static final Set<String> FALSE = Set.of("no", "n", "false", "f", "否");

	private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

	private Cells() {
	}

	/**
	 * Whether a cell is missing: null, blank (a lone space included), or a conventional
	 * marker such as {@code NA}, {@code N/A}, {@code NaN}, {@code null} or {@code ?}.
	 * @param cell the text
	 * @return true when missing
	 */
	public static boolean isMissing(String cell) {
		if (cell == null || cell.isBlank()) {
			return true;
		}
		String s = cell.strip();
		return s.length() <= 4 && MISSING.contains(s.toLowerCase(Locale.ROOT));
	}

	/**
	 * A cell as a number, accepting surrounding spaces, a currency sign, a trailing
	 * percent sign (kept as the number before it) and thousands separators.
	 * @param cell the text, not missing
	 * @return the number, or NaN when it is not one
	 */
	public static double parseNumber(String cell) {
		String s = cell.strip();
		if (s.isEmpty()) {
			return Double.NaN;
		}
		char first = s.charAt(0);
		if (first == '$' || first == '¥' || first == '€' || first == '£' || first == '￥') {
			s = s.substring(1).strip();
		}
		if (s.endsWith("%")) {
			s = s.substring(0, s.length() - 1).strip();
		}
		if (s.indexOf(',') >= 0) {
			if (!THOUSANDS.matcher(s).matches()) {
				return Double.NaN;
			}
			s = s.replace(",", "");
		}
		if (!looksNumeric(s)) {
			return Double.NaN;
		}
		try {
			double v = Double.parseDouble(s);
			return Double.isFinite(v) ? v : Double.NaN;
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Rejects what Java would parse but people do not mean as numbers: 1d, 0x1p3,
	 * Infinity.
	 */
	private static boolean looksNumeric(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A cell as a boolean.
	 * @param cell the text, not missing
	 * @return 1 for yes/true/y/t/是, 0 for no/false/n/f/否, NaN otherwise
	 */
	public static double parseBoolean(String cell) {
		String s = cell.strip().toLowerCase(Locale.ROOT);
		if (TRUE.contains(s)) {
			return 1;
		}
		if (FALSE.contains(s)) {
			return 0;
		}
		return Double.NaN;
	}

	/**
	 * A cell as a date: {@code yyyy-MM-dd}, {@code yyyy/M/d} or {@code yyyy.MM.dd},
	 * optionally followed by a time of day, which is ignored.
	 * @param cell the text, not missing
	 * @return days since 1970-01-01, or NaN when it is not a date
	 */
	public static double parseDate(String cell) {
		Matcher m = DATE.matcher(cell.strip());
		if (!m.matches()) {
			return Double.NaN;
		}
		try {
			return LocalDate
				.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
				.toEpochDay();
		}
		catch (DateTimeException ex) {
			return Double.NaN;
		}
	}

}
