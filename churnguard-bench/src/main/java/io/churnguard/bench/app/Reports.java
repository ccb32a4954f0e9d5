package io.churnguard.bench.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first keys of a benchmark's JSON report, in the order every report prints them.
 */
public final class Reports {

	private Reports() {
	}

	/**
	 * A report's head: which benchmark, and the simulated company's size.
	 * @param benchmark the benchmark's name
	 * @param customers the customers simulated
	 * @param months the months of history simulated
	 * @return a mutable, ordered report to add the figures to
	 */
	public static Map<String, Object> head(String benchmark, int customers, int months) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("benchmark", benchmark);
		report.put("customers", customers);
		report.put("months", months);
		return report;
	}

	/**
	 * A report's head followed by the machine it runs on.
	 * @param benchmark the benchmark's name
	 * @param customers the customers simulated
	 * @param months the months of history simulated
	 * @return a mutable, ordered report to add the figures to
	 */
	public static Map<String, Object> headOnMachine(String benchmark, int customers, int months) {
		Map<String, Object> report = head(benchmark, customers, months);
		report.put("machine", Workspaces.machine());
		return report;
	}

}
