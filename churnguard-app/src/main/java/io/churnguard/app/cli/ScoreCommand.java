package io.churnguard.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.ScoredRow;
import io.churnguard.ml.model.Scorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
		description = { "Score a table with a trained model: writes id, probability, risk band and the top reasons "
				+ "in English and Chinese to a CSV file; prints a JSON summary on stdout." })
final class ScoreCommand implements Callable<Integer> {

	@Option(names = "--model", description = "The model directory written by train --out.")
	Path model;

	@Option(names = "--data", description = "The table to score (CSV, the training columns).")
	Path data;

	@Option(names = "--out", description = "The scores CSV to write.")
	Path out;

	@Option(names = "--from-db", description = "Score every active customer of the archive with the champion model "
			+ "and store the scores (what the daily job does).")
	boolean fromDb;

	@Option(names = "--data-dir", description = "With --from-db: the workspace (default: ./data).")
	Path dataDir;

	@Option(names = "--as-of", description = "With --from-db: score as of this earlier day (YYYY-MM-DD; default: "
			+ "today in the business's time zone), e.g. a day the schedule missed.")
	LocalDate asOf;

	@Option(names = "--reasons", defaultValue = "3", description = "Reasons per row (default: 3).")
	int reasons;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		if (this.fromDb) {
			List<String> arguments = new java.util.ArrayList<>();
			if (this.dataDir != null) {
				arguments.add("--churnguard.data-dir=" + this.dataDir);
			}
			try (var context = SpringLauncher.headless(arguments)) {
				// Today where the business is, as the schedule and the API take it.
				LocalDate today = LocalDate.now(context.getBean(Clock.class)
					.withZone(
							ZoneId.of(context.getEnvironment().getProperty("churnguard.time-zone", "Asia/Shanghai"))));
				if (this.asOf != null && this.asOf.isAfter(today)) {
					throw new CommandLine.ParameterException(this.spec.commandLine(),
							"--as-of must not be after today (" + today + "), was " + this.asOf);
				}
				this.spec.commandLine()
					.getOut()
					.println(Json.pretty(context.getBean(io.churnguard.app.scoring.ScoringRuns.class)
						.scoreAll((this.asOf != null) ? this.asOf : today, Cli.actor())));
				return 0;
			}
		}
		if (this.model == null || this.data == null || this.out == null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"give --model DIR --data F.csv --out scores.csv, or --from-db");
		}
		ModelArtifact artifact = ModelArtifact.load(this.model);
		long started = System.nanoTime();
		Frame frame = Scorer.read(artifact, this.data);
		List<ScoredRow> rows = Scorer.score(artifact, frame, this.reasons, Map.of());
		try (Writer writer = Files.newBufferedWriter(this.out, StandardCharsets.UTF_8)) {
			Scorer.writeCsv(rows, this.reasons, writer);
		}
		long elapsedMs = (System.nanoTime() - started) / 1_000_000;
		long high = rows.stream().filter(row -> "high".equals(row.riskBand())).count();
		this.spec.commandLine()
			.getOut()
			.println(Json.pretty(new Summary(artifact.modelId(), rows.size(), high, elapsedMs,
					this.out.toAbsolutePath().toString())));
		return 0;
	}

	/**
	 * @param modelId the model that scored
	 * @param rows rows scored
	 * @param highRisk rows in the high risk band
	 * @param elapsedMs time taken
	 * @param out the scores file
	 */
	record Summary(String modelId, int rows, long highRisk, long elapsedMs, String out) {
	}

}
