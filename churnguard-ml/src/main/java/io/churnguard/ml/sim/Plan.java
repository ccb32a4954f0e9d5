package io.churnguard.ml.sim;

import java.nio.charset.StandardCharsets;

/**
 * A product or plan of a preset, on a ladder from cheapest to dearest: upgrades and
 * downgrades move one rung.
 *
 * @param name the plan's name as customers see it
 * @param monthlyFee the monthly fee (or, for a bank, the monthly revenue) in CNY
 * @param contractMonths the contract (or product term) lengths a subscription may take,
 * empty when the plan never has one
 * @param billed whether customers receive a monthly bill or statement for it
 * @param nameField the name as CSV field bytes
 */
record Plan(String name, double monthlyFee, int[] contractMonths, boolean billed, byte[] nameField) {

	Plan(String name, double monthlyFee, int[] contractMonths, boolean billed) {
		this(name, monthlyFee, contractMonths, billed, CsvBuffer.utf8Field(name));
	}

	boolean hasContracts() {
		return this.contractMonths.length > 0;
	}

	static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
