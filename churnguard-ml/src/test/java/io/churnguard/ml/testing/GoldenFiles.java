package io.churnguard.ml.testing;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.churnguard.ml.model.Algorithm;
import io.churnguard.ml.model.ChurnTableTraining;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.Scorer;
import io.churnguard.ml.model.TrainingRequest;
import io.churnguard.ml.model.gbdt.GbdtParameters;

/**
 * Writes the golden files of {@code ModelArtifactGoldenTest}: a synthetic table, a
 * logistic regression and a gradient boosting model trained on it, and their scores. Run
 * it only when the artifact format changes on purpose:
 * {@code java -cp ... io.churnguard.ml.testing.GoldenFiles src/test/resources/golden}.
 */
public final class GoldenFiles {

	private GoldenFiles() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		Files.createDirectories(dir);
		Path data = dir.resolve("customers.csv");
		Files.writeString(data, SyntheticChurn.csv(400, 42), StandardCharsets.UTF_8);
		for (Algorithm algorithm : List.of(Algorithm.LR, Algorithm.GBDT)) {
			TrainingRequest request = TrainingRequest.ofFile(data, "churn")
				.withPositive("1")
				.withAlgorithm(algorithm)
				.withGbdtParameters(GbdtParameters.fixed(20, 3, 0.3, 7));
			ModelArtifact artifact = ChurnTableTraining.train(request).artifact();
			Path modelDir = dir.resolve(algorithm.code() + "-model");
			artifact.save(modelDir);
			ModelArtifact loaded = ModelArtifact.load(modelDir);
			StringWriter out = new StringWriter();
			Scorer.writeCsv(Scorer.score(loaded, Scorer.read(loaded, data)), 3, out);
			Files.writeString(dir.resolve(algorithm.code() + "-scores.csv"), out.toString(), StandardCharsets.UTF_8);
		}
	}

}
