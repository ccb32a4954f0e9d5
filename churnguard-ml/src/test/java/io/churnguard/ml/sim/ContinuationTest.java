package io.churnguard.ml.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.churnguard.ml.sim.SimulationFiles.EventRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A simulation continues exactly where it stopped, campaigns included, and a treatment
 * changes nothing before the day it reaches the customer.
 */
class ContinuationTest {

	private static final LocalDate END = LocalDate.of(2025, 7, 1);

	private static Path base;

	@BeforeAll
	static void simulateHalfAYear() throws IOException {
		base = SimulatedCompanies.newDirectory("base");
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 3_000, 6, 5), base);
	}

	@Test
	void continuingTwiceByThreeMonthsEqualsContinuingOnceBySix() {
		Path quarter = SimulatedCompanies.continued(base, 3, List.of(), "quarter");
		Path twoQuarters = SimulatedCompanies.continued(quarter, 3, List.of(), "two-quarters");
		Path half = SimulatedCompanies.continued(base, 6, List.of(), "half");
		List<String> stepwise = new ArrayList<>(SimulationFiles.rawLines(quarter.resolve("events.csv")));
		List<String> secondQuarter = SimulationFiles.rawLines(twoQuarters.resolve("events.csv"));
		stepwise.addAll(secondQuarter.subList(1, secondQuarter.size()));
		List<String> direct = SimulationFiles.rawLines(half.resolve("events.csv"));
		// Files are ordered by customer, then time: compare customer by customer.
		Comparator<String> byCustomer = Comparator.comparing((line) -> line.substring(0, line.indexOf(',') + 1));
		assertThat(stepwise.stream().sorted(byCustomer).toList())
			.isEqualTo(direct.stream().sorted(byCustomer).toList());
		assertThat(SimulationFiles.bytes(twoQuarters.resolve("customers.csv")))
			.isEqualTo(SimulationFiles.bytes(half.resolve("customers.csv")));
		assertThat(SimulationFiles.bytes(twoQuarters.resolve("truth.csv")))
			.isEqualTo(SimulationFiles.bytes(half.resolve("truth.csv")));
	}

	@Test
	void aContinuationWritesOnlyTheNewMonthsAndKeepsEveryEarlierChurn() {
		Path quarter = SimulatedCompanies.continued(base, 3, List.of(), "new-months");
		assertThat(SimulationFiles.eventList(quarter))
			.allSatisfy((event) -> assertThat(event.date()).isAfterOrEqualTo(END).isBefore(END.plusMonths(3)));
		var before = SimulationFiles.customers(base);
		var after = SimulationFiles.customers(quarter);
		before.forEach((id, row) -> {
			if (row.get("status").equals("churned")) {
				assertThat(after.get(id).get("churn_date")).as(id).isEqualTo(row.get("churn_date"));
			}
		});
	}

	@Test
	void aTreatmentChangesNothingBeforeItsDayAndNothingForOtherCustomers() throws IOException {
		LocalDate day = END.plusDays(40);
		List<Treatment> treatments = new ArrayList<>();
		for (int i = 1; i <= 3_000; i += 7) {
			treatments.add(new Treatment(CustomerFactory.customerId(i - 1, 8), RetentionAction.values()[i % 4], day));
		}
		Set<String> treated = treatments.stream().map(Treatment::customerId).collect(Collectors.toSet());
		Path plain = SimulatedCompanies.continued(base, 3, List.of(), "plain");
		Path campaign = SimulatedCompanies.newDirectory("campaign");
		SimulationSummary summary = Simulator.continueFrom(base, 3, treatments, campaign);
		Path later = SimulatedCompanies.newDirectory("later");
		assertThat(Simulator.continueFrom(campaign, 1, List.of(), later).treatments()).isZero();
		assertThat(summary.treatments()).isPositive().isLessThanOrEqualTo(treatments.size());
		List<String> plainBefore = linesWhere(plain,
				(event) -> !treated.contains(event.customerId()) || event.date().isBefore(day));
		List<String> campaignBefore = linesWhere(campaign,
				(event) -> !treated.contains(event.customerId()) || event.date().isBefore(day));
		assertThat(campaignBefore).isEqualTo(plainBefore);
		assertThat(SimulationFiles.eventList(campaign)).anySatisfy((event) -> {
			assertThat(event.subtype()).isEqualTo("outbound_call");
			assertThat(event.date()).isEqualTo(day);
		});
		assertThat(TreatmentsCsv.read(campaign.resolve(TreatmentsCsv.FILE_NAME))).isEqualTo(treatments);
		assertThat(Simulator.readState(campaign).months()).isEqualTo(9);
		assertThat(Simulator.readState(campaign).treatments()).isEqualTo(treatments.size());
	}

	@Test
	void treatmentsOutsideTheNewMonthsOrOfStrangersAreRejected() {
		Path out = SimulatedCompanies.newDirectory("rejected");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Simulator.continueFrom(base, 3,
					List.of(new Treatment("C00000001", RetentionAction.CALLBACK, END.minusDays(1))), out))
			.withMessageContaining("outside the simulated period");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Simulator.continueFrom(base, 3,
					List.of(new Treatment("C00009999", RetentionAction.CALLBACK, END)), out))
			.withMessageContaining("unknown customer 'C00009999'");
		assertThatIllegalArgumentException().isThrownBy(() -> Simulator.continueFrom(base, 3, List.of(), base))
			.withMessageContaining("new directory");
	}

	private static List<String> linesWhere(Path dir, java.util.function.Predicate<EventRow> keep) {
		return SimulationFiles.rawLines(dir.resolve("events.csv"))
			.stream()
			.skip(1)
			.filter((line) -> keep.test(SimulationFiles.event(line)))
			.toList();
	}

}
