package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance run: {@code simulate --customers 100000 --months 12 --seed 7}
 * loses one to three percent of its customers a month, and the same seed gives the same
 * bytes. Slow (two runs, 2 GB written), hence an integration test.
 */
class DemoCompanyIT {

	private static final String[] FILES = { "customers.csv", "events.csv", "truth.csv", "simulation.json" };

	@Test
	void theDemoCompanyChurnsOneToThreePercentAMonthAndIsReproducible() throws Exception {
		SimulationConfig config = SimulationConfig.of(Preset.TELECOM, 100_000, 12, 7);
		Path first = SimulatedCompanies.newDirectory("demo-1");
		Path second = SimulatedCompanies.newDirectory("demo-2");
		SimulationSummary summary = Simulator.run(config, first);
		String[] digests = digests(first);
		Simulator.run(config.withThreads(1), second);
		assertThat(digests(second)).isEqualTo(digests);
		assertThat(summary.monthlyChurnRate()).isBetween(0.01, 0.03);
		assertThat(summary.events()).isBetween(10_000_000L, 20_000_000L);
	}

	/** The files' SHA-256, deleting them: two copies of 1 GB need not stay around. */
	private static String[] digests(Path dir) throws IOException, NoSuchAlgorithmException {
		String[] digests = new String[FILES.length];
		for (int i = 0; i < FILES.length; i++) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(FILES[i])), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			digests[i] = HexFormat.of().formatHex(digest.digest());
			Files.delete(dir.resolve(FILES[i]));
		}
		return digests;
	}

}
