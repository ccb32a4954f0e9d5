package io.churnguard.bench.app;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile is the smallest
 * sample that at least p % of the samples do not exceed, so every reported figure is a
 * latency that was actually observed.
 */
public final class Percentiles {

	private final double[] sorted;

	private Percentiles(double[] sorted) {
		this.sorted = sorted;
	}

	/**
	 * @param samples the samples (not modified)
	 * @return their percentiles
	 */
	public static Percentiles of(double[] samples) {
		double[] copy = samples.clone();
		Arrays.sort(copy);
		return new Percentiles(copy);
	}

	/**
	 * @return how many samples there are
	 */
	public int count() {
		return this.sorted.length;
	}

	/**
	 * @param percent between 0 (exclusive) and 100 (inclusive)
	 * @return the nearest-rank percentile, NaN without samples
	 */
	public double percentile(double percent) {
		if (percent <= 0 || percent > 100) {
			throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
		}
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100.0 * this.sorted.length);
		return this.sorted[Math.max(rank, 1) - 1];
	}

	/**
	 * @return the largest sample, NaN without samples
	 */
	public double max() {
		return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1];
	}

	/**
	 * @return the mean, NaN without samples
	 */
	public double mean() {
		return (this.sorted.length == 0) ? Double.NaN : Arrays.stream(this.sorted).sum() / this.sorted.length;
	}

	/**
	 * The usual summary in milliseconds, rounded to 0.1 ms, for the JSON report.
	 * @return count, p50, p90, p95, p99, p99.9, max and mean
	 */
	public Map<String, Object> summaryMs() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", count());
		summary.put("p50", round(percentile(50)));
		summary.put("p90", round(percentile(90)));
		summary.put("p95", round(percentile(95)));
		summary.put("p99", round(percentile(99)));
		summary.put("p999", round(percentile(99.9)));
		summary.put("max", round(max()));
		summary.put("mean", round(mean()));
		return summary;
	}

	private static Object round(double value) {
		return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
	}

}
