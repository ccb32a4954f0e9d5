package io.churnguard.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

	@Option(names = "--model", required = true, description = "The model directory written by train --out.")
	Path model;

	@Option(names = "--data", required = true, description = "The table to score (CSV, the training columns).")
	Path data;

	@Option(names = "--out", required = true, description = "The scores CSV to write.")
	Path out;

	@Option(names = "--reasons", defaultValue = "3", description = "Reasons per row (default: 3).")
	int reasons;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
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
