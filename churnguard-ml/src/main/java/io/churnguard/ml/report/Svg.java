package io.churnguard.ml.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts: axes in the unit square, lines, bars and labels. */
final class Svg {

	static final int WIDTH = 360;

	static final int HEIGHT = 280;

	private static final int LEFT = 48;

	private static final int RIGHT = 16;

	private static final int TOP = 16;

	private static final int BOTTOM = 40;

	private final StringBuilder sb = new StringBuilder();

	private final double xMax;

	private final double yMax;

	Svg(String title, String xLabel, String yLabel, double xMax, double yMax) {
		this.xMax = xMax;
		this.yMax = yMax;
		this.sb.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
				WIDTH, HEIGHT, Html.escape(title)));
		this.sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
		for (int i = 0; i <= 4; i++) {
			double fx = i / 4.0;
			double y = py(fx * yMax);
			double x = px(fx * xMax);
			this.sb.append(line(LEFT, y, WIDTH - RIGHT, y, "#eee", 1));
			this.sb.append(text(LEFT - 6, y + 4, fmt(fx * yMax), "end", 10));
			this.sb.append(text(x, HEIGHT - BOTTOM + 14, fmt(fx * xMax), "middle", 10));
		}
		this.sb.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333", 1));
		this.sb.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333", 1));
		this.sb.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, xLabel, "middle", 11));
		this.sb.append(String.format(Locale.ROOT,
				"<text x=\"12\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.1f)\">%s</text>",
				(TOP + HEIGHT - BOTTOM) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0, Html.escape(yLabel)));
	}

	private static String fmt(double v) {
		return (v == Math.rint(v)) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
	}

	double px(double x) {
		return LEFT + (WIDTH - LEFT - RIGHT) * x / this.xMax;
	}

	double py(double y) {
		return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * y / this.yMax;
	}

	Svg polyline(List<double[]> points, String color, double width, boolean dashed) {
		StringBuilder p = new StringBuilder();
		for (double[] xy : points) {
			p.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(xy[0]), py(Math.min(xy[1], this.yMax))));
		}
		this.sb.append(String.format(Locale.ROOT,
				"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s points=\"%s\"/>", color, width,
				dashed ? " stroke-dasharray=\"4 3\"" : "", p.toString().strip()));
		return this;
	}

	Svg points(List<double[]> points, String color) {
		for (double[] xy : points) {
			this.sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
					px(xy[0]), py(Math.min(xy[1], this.yMax)), color));
		}
		return this;
	}

	Svg bar(double x0, double x1, double y, String color) {
		double top = py(Math.min(y, this.yMax));
		this.sb.append(
				String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
						px(x0), top, px(x1) - px(x0), py(0) - top, color));
		return this;
	}

	Svg legend(String label, String color, int slot) {
		double y = TOP + 12 + 14 * slot;
		this.sb.append(line(LEFT + 10, y - 4, LEFT + 26, y - 4, color, 2));
		this.sb.append(text(LEFT + 30, y, label, "start", 10));
		return this;
	}

	private static String line(double x1, double y1, double x2, double y2, String color, double width) {
		return String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>", x1, y1,
				x2, y2, color, width);
	}

	private static String text(double x, double y, String s, String anchor, int size) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>",
				x, y, size, anchor, Html.escape(s));
	}

	@Override
	public String toString() {
		return this.sb + "</svg>";
	}

}
