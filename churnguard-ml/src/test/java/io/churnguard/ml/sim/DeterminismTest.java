package io.churnguard.ml.sim;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed gives the same company, byte for byte, however it is computed. */
class DeterminismTest {

	private static final String[] FILES = { "customers.csv", "events.csv", "truth.csv", "simulation.json",
			"treatments.csv" };

	@Test
	void theSameSeedGivesByteIdenticalFilesOnAnyNumberOfThreads() throws IOException {
		SimulationConfig config = SimulationConfig.of(Preset.TELECOM, 3_000, 6, 7);
		Path single = SimulatedCompanies.newDirectory("single");
		Path several = SimulatedCompanies.newDirectory("several");
		Path again = SimulatedCompanies.newDirectory("again");
		SimulationSummary first = Simulator.run(config.withThreads(1), single);
		Simulator.run(config.withThreads(3), several);
		Simulator.run(config.withThreads(1), again);
		for (String file : FILES) {
			byte[] expected = SimulationFiles.bytes(single.resolve(file));
			assertThat(SimulationFiles.bytes(several.resolve(file))).as(file).isEqualTo(expected);
			assertThat(SimulationFiles.bytes(again.resolve(file))).as(file).isEqualTo(expected);
		}
		assertThat(first.events()).isEqualTo(SimulationFiles.rawLines(single.resolve("events.csv")).size() - 1);
	}

	@Test
	void anotherSeedGivesAnotherCompany() throws IOException {
		Path seven = SimulatedCompanies.newDirectory("seven");
		Path eight = SimulatedCompanies.newDirectory("eight");
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 500, 2, 7), seven);
		Simulator.run(SimulationConfig.of(Preset.TELECOM, 500, 2, 8), eight);
		assertThat(SimulationFiles.rawLines(eight.resolve("customers.csv")))
			.isNotEqualTo(SimulationFiles.rawLines(seven.resolve("customers.csv")));
	}

	@Test
	void aCustomerIsTheSamePersonWhateverTheSizeOfTheCompany() throws IOException {
		Path small = SimulatedCompanies.newDirectory("small");
		Path large = SimulatedCompanies.newDirectory("large");
		Simulator.run(SimulationConfig.of(Preset.BANK, 200, 3, 11), small);
		Simulator.run(SimulationConfig.of(Preset.BANK, 2_000, 3, 11), large);
		assertThat(SimulationFiles.rawLines(large.resolve("customers.csv")).subList(0, 201))
			.isEqualTo(SimulationFiles.rawLines(small.resolve("customers.csv")));
	}

}
