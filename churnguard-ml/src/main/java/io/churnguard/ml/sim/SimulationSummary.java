package io.churnguard.ml.sim;

/**
 * What a simulation run wrote, for the command line's JSON output. For a continued run it
 * describes the new months only.
 *
 * @param preset the preset's code
 * @param seed the seed
 * @param customers the customers in customers.csv
 * @param months the months whose events were written
 * @param startDate the first day whose events were written ({@code yyyy-MM-dd})
 * @param endDate the day after the last ({@code yyyy-MM-dd})
 * @param events the rows written to events.csv
 * @param churners the customers who churned within those months
 * @param monthlyChurnRate churners per customer-month at risk within those months
 * @param treatments the treatments that reached a customer within those months
 */
public record SimulationSummary(String preset, long seed, int customers, int months, String startDate, String endDate,
		long events, long churners, double monthlyChurnRate, long treatments) {

}
