package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each preset looks like its kind of company. */
class PresetTest {

	@Test
	void everyPresetMeetsItsDefaultChurnRateWithTenToFifteenEventsPerCustomerMonth() {
		for (Preset preset : Preset.values()) {
			SimulationSummary summary = SimulatedCompanies.summary(preset);
			assertThat(summary.monthlyChurnRate()).as(preset.code())
				.isBetween(0.8 * preset.defaultMonthlyChurnRate(), 1.2 * preset.defaultMonthlyChurnRate());
			double perCustomerMonth = summary.events() / (summary.customers() * (double) summary.months());
			assertThat(perCustomerMonth).as(preset.code()).isBetween(9.0, 16.0);
		}
	}

	@Test
	void aBankCustomerClosesTheAccountOnTheDayTheMoneyGoesOut() {
		Path bank = SimulatedCompanies.of(Preset.BANK);
		Map<String, LocalDate> outgoing = new HashMap<>();
		Set<String> churnSubtypes = new HashSet<>();
		Set<String> closedAfterTransfer = new HashSet<>();
		int[] closures = { 0 };
		SimulationFiles.events(bank, (event) -> {
			if (event.type().equals("order") && event.attributes().contains("跨行转出")) {
				outgoing.put(event.customerId(), event.date());
			}
			if (event.type().equals("churn")) {
				churnSubtypes.add(event.subtype());
				closures[0]++;
				if (event.date().equals(outgoing.get(event.customerId()))) {
					closedAfterTransfer.add(event.customerId());
				}
			}
		});
		assertThat(churnSubtypes).containsExactly("closure");
		assertThat(closedAfterTransfer).hasSize(closures[0]);
		assertThat(SimulationFiles.customers(bank).values())
			.anySatisfy((row) -> assertThat(row.get("plan")).isEqualTo("稳健理财客户"));
	}

	@Test
	void aSubscriberHasNoContractAndLeavesByFallingInactive() {
		Path subscription = SimulatedCompanies.of(Preset.SUBSCRIPTION);
		assertThat(SimulationFiles.customers(subscription).values()).allSatisfy((row) -> {
			assertThat(row.get("contract_end_date")).isEmpty();
			if (row.get("status").equals("churned")) {
				assertThat(row.get("churn_reason")).isEqualTo("inactive");
			}
		});
	}

	@Test
	void aTelecomOperatorHasContractsPortOutsAndGroupAccounts() {
		Path telecom = SimulatedCompanies.of(Preset.TELECOM);
		var customers = SimulationFiles.customers(telecom).values();
		assertThat(customers).anySatisfy((row) -> assertThat(row.get("contract_end_date")).isNotEmpty());
		assertThat(customers).anySatisfy((row) -> assertThat(row.get("group_account")).isEqualTo("true"));
		assertThat(customers).anySatisfy((row) -> assertThat(row.get("churn_reason")).isEqualTo("port_out"));
		assertThat(customers).anySatisfy((row) -> assertThat(row.get("channel")).isEqualTo("转介绍"));
	}

}
