package io.churnguard.ml.feature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine on a real purchase log: CDNOW (Fader &amp; Hardie), 23,570 customers who
 * first bought in early 1997, followed to mid-1998. Skipped when the shared datasets are
 * not beside the repository.
 */
class CdnowFeaturesTest {

	private static final LocalDate HOLDOUT = LocalDate.of(1997, 10, 1);

	private static final LocalDate END = LocalDate.of(1998, 7, 1);

	private static List<Event> events;

	@BeforeAll
	static void readLog() throws Exception {
		Path file = datasets().resolve("cdnow-events/CDNOW_master.txt");
		assumeTrue(Files.isReadable(file), "shared dataset cdnow-events not found");
		events = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.strip().split("\\s+");
			LocalDate day = LocalDate.of(Integer.parseInt(fields[1].substring(0, 4)),
					Integer.parseInt(fields[1].substring(4, 6)), Integer.parseInt(fields[1].substring(6, 8)));
			events.add(new Event("E" + events.size(), "C" + fields[0], day.atStartOfDay(), EventType.ORDER, "purchase",
					Double.parseDouble(fields[3]), Double.parseDouble(fields[2]), Map.of()));
		}
	}

	private static Path datasets() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path candidate = directory.resolve("shared/datasets");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return Path.of("shared/datasets");
	}

	@Test
	void windowsReproduceTheDatasetsHoldoutCount() throws Exception {
		// SOURCE.txt: 16,512 of 23,570 customers made no purchase in the 39-week holdout.
		FeatureSet holdout = FeatureSet.fromYaml(new ByteArrayInputStream("""
				features:
				  - {name: holdout_orders, kind: window, event: order, aggregation: count, window: 273}
				""".getBytes(StandardCharsets.UTF_8)));
		FeatureTable table = new BatchFeatureRunner(FeaturePlan.compile(holdout), 2).asOf(EventSource.sorted(events),
				(id) -> null, END);
		assertThat(table.rowCount()).isEqualTo(23_570);
		long none = java.util.Arrays.stream(table.column("holdout_orders")).filter((count) -> count == 0).count();
		assertThat(none).isEqualTo(16_512);
	}

	@Test
	void aCustomerWhoBoughtRecentlyComesBackMoreOften() throws Exception {
		FeatureTable calibration = new BatchFeatureRunner(FeaturePlan.compile(FeatureSet.defaults()), 2)
			.asOf(EventSource.sorted(events), (id) -> null, HOLDOUT);
		Map<String, Boolean> returned = new HashMap<>();
		events.forEach((event) -> returned.merge(event.customerId(), !event.time().toLocalDate().isBefore(HOLDOUT),
				Boolean::logicalOr));
		double[] recency = calibration.column("days_since_last_order");
		int[] recent = new int[2];
		int[] lapsed = new int[2];
		for (int row = 0; row < calibration.rowCount(); row++) {
			int[] group = (recency[row] <= 60) ? recent : (recency[row] > 150) ? lapsed : null;
			if (group != null) {
				group[0]++;
				group[1] += returned.get(calibration.customerId(row)) ? 1 : 0;
			}
		}
		double recentRate = (double) recent[1] / recent[0];
		double lapsedRate = (double) lapsed[1] / lapsed[0];
		assertThat(recentRate).isGreaterThan(2 * lapsedRate);
		// Everyone first bought in 1997 Q1, so everyone has a last order 1 to 273 days
		// back.
		assertThat(java.util.Arrays.stream(recency).max().getAsDouble()).isLessThanOrEqualTo(273);
		assertThat(java.util.Arrays.stream(recency).min().getAsDouble()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void featuresAtTheHoldoutDoNotDependOnHoldoutPurchases() throws Exception {
		FeaturePlan plan = FeaturePlan.compile(FeatureSet.defaults());
		List<Event> calibrationOnly = events.stream()
			.filter((event) -> event.time().toLocalDate().isBefore(HOLDOUT))
			.toList();
		FeatureTable all = new BatchFeatureRunner(plan, 2).asOf(EventSource.sorted(events), (id) -> null, HOLDOUT);
		FeatureTable known = new BatchFeatureRunner(plan, 2).asOf(EventSource.sorted(calibrationOnly), (id) -> null,
				HOLDOUT);
		assertThat(known.rowCount()).isEqualTo(all.rowCount());
		for (String name : plan.featureSet().numericNames()) {
			assertThat(all.column(name)).as(name).isEqualTo(known.column(name));
		}
	}

}
