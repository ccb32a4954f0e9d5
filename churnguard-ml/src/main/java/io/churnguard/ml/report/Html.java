package io.churnguard.ml.report;

import java.util.Locale;

/** HTML escaping and number formatting for the report. */
final class Html {

	private Html() {
	}

	static String escape(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	static String num(double v, int decimals) {
		if (Double.isNaN(v)) {
			return "–";
		}
		return String.format(Locale.ROOT, "%." + decimals + "f", v);
	}

	static String p(double v) {
		if (Double.isNaN(v)) {
			return "–";
		}
		return (v < 0.0001) ? "&lt;0.0001" : String.format(Locale.ROOT, "%.4f", v);
	}

}
