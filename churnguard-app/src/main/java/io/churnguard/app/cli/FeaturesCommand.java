package io.churnguard.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.EventSource;
import io.churnguard.ml.feature.FeatureTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "features", mixinStandardHelpOptions = true,
		description = { "Compute every customer's features from the archive as of a day (events strictly before it).",
				"Prints a JSON summary with where the time went; --out writes the feature table as CSV." })
final class FeaturesCommand implements Callable<Integer> {

	@Option(names = "--as-of", description = "The observation day (default: today).")
	LocalDate asOf;

	@Option(names = "--out", description = "Write the features to this CSV file.")
	Path out;

	@Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: one per processor).")
	int threads;

	@Option(names = "--breakdown", description = "Also time a read-only pass over the event log, to show how the "
			+ "time splits between PostgreSQL and the feature engine.")
	boolean breakdown;

	@Option(names = "--data-dir", description = "Workspace directory (default: ./data).")
	Path dataDir;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		LocalDate day = (this.asOf != null) ? this.asOf : LocalDate.now();
		List<String> arguments = new ArrayList<>();
		if (this.dataDir != null) {
			arguments.add("--churnguard.data-dir=" + this.dataDir);
		}
		try (ConfigurableApplicationContext context = SpringLauncher.headless(arguments)) {
			ArchiveEvents archive = context.getBean(ArchiveEvents.class);
			FeatureCatalog catalog = context.getBean(FeatureCatalog.class);
			long started = System.nanoTime();
			Map<String, CustomerAttributes> attributes = archive.attributes(null);
			long attributesMs = millisSince(started);

			Long readOnlyMs = null;
			long[] events = { 0 };
			if (this.breakdown) {
				long readStarted = System.nanoTime();
				archive.events(null, day).read((id, time, type, subtype, amount, quantity) -> events[0]++);
				readOnlyMs = millisSince(readStarted);
				events[0] = 0;
			}
			EventSource counted = sink -> archive.events(null, day)
				.read((id, time, type, subtype, amount, quantity) -> {
					events[0]++;
					sink.accept(id, time, type, subtype, amount, quantity);
				});
			long computeStarted = System.nanoTime();
			FeatureTable table = new BatchFeatureRunner(catalog.plan(),
					(this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors())
				.asOf(counted, ArchiveEvents.lookup(attributes), day);
			long featuresMs = millisSince(computeStarted);
			if (this.out != null) {
				try (Writer writer = Files.newBufferedWriter(this.out, StandardCharsets.UTF_8)) {
					table.writeCsv(writer);
				}
			}
			this.spec.commandLine()
				.getOut()
				.println(Json.pretty(new Summary(day.toString(), attributes.size(), table.rowCount(), events[0],
						catalog.featureSet().size(), attributesMs, readOnlyMs, featuresMs,
						(featuresMs > 0) ? events[0] * 1000 / featuresMs : 0,
						(this.out != null) ? this.out.toAbsolutePath().toString() : null)));
			return 0;
		}
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/**
	 * @param asOf the observation day
	 * @param customers customers in the archive
	 * @param rows feature rows (customers with events before the day)
	 * @param events events read
	 * @param features features per row
	 * @param attributesMs time to load the archive's attributes
	 * @param readOnlyMs with --breakdown: time to stream the events without computing
	 * anything
	 * @param featuresMs time to stream the events and compute the features
	 * @param eventsPerSecond events per second through the whole feature run
	 * @param out the CSV written, if any
	 */
	record Summary(String asOf, long customers, long rows, long events, int features, long attributesMs,
			Long readOnlyMs, long featuresMs, long eventsPerSecond, String out) {
	}

}
